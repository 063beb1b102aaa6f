import { z } from "zod";
import { cleanString, ID_PATTERN } from "~/utils/input";
import { BULK_INVITE_MAX, emailLines } from "~/modules/tasks/bulk-invite";
import { ROLES } from "./roles";

// Messages are i18n keys; the form shows them translated.
export const EmailLoginSchema = z.object({
  email: z
    .string({ error: "auth:errors.emailRequired" })
    .trim()
    .min(1, "auth:errors.emailRequired")
    .max(254, "auth:errors.emailInvalid")
    .pipe(z.email({ error: "auth:errors.emailInvalid" })),
  redirectTo: z.string().max(2000).optional(),
});

export const CodeSchema = z.object({
  code: z
    .string({ error: "auth:errors.codeRequired" })
    .trim()
    .min(1, "auth:errors.codeRequired")
    .max(20, "auth:errors.codeFormat")
    .regex(/^[\d\s-]+$/, "auth:errors.codeFormat"),
  redirectTo: z.string().max(2000).optional(),
});

export const PupilCodeSchema = z.object({
  code: z
    .string({ error: "auth:errors.codeRequired" })
    .trim()
    .min(1, "auth:errors.codeRequired")
    .max(40, "auth:errors.pupilCodeFormat"),
});

/** A row id (cuid or uuid). Anything else is no id, and must not reach a query: PostgreSQL refuses NUL in text. */
const ZIdSchema = z.string().regex(ID_PATTERN);

export const SwitchRoleSchema = z.object({ intent: z.literal("switch-role"), roleId: ZIdSchema });
export const SignOutEverywhereSchema = z.object({ intent: z.literal("sign-out-everywhere") });

export const InviteSchema = z
  .object({
    intent: z.literal("invite"),
    email: z
      .string({ error: "auth:errors.emailRequired" })
      .trim()
      .min(1, "auth:errors.emailRequired")
      .max(254, "auth:errors.emailInvalid")
      .pipe(z.email({ error: "auth:errors.emailInvalid" })),
    // PostgreSQL text cannot hold NUL (and nobody types one): it is dropped, not stored.
    name: z.string().trim().max(120, "auth:errors.nameTooLong").transform(cleanString).optional(),
    role: z.enum(ROLES, { error: "auth:errors.roleRequired" }),
    companyId: z.string().max(64).optional(),
    schoolId: z.string().max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "COMPANY_CONTACT" && !value.companyId)
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "auth:errors.companyRequired" });
    if ((value.role === "SCHOOL_CONTACT" || value.role === "TEACHER") && !value.schoolId)
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "auth:errors.schoolRequired" });
  });

export const RemoveRoleSchema = z.object({ intent: z.literal("remove-role"), roleId: ZIdSchema });
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke-invitation"), invitationId: ZIdSchema });

// Many invitations at once: one address per line; they are sent by a background task (/taken/<id>).
// The lines are checked one by one by the task: a line that is no address is listed, not fatal.
export const BulkInviteSchema = z
  .object({
    intent: z.literal("bulk-invite"),
    emails: z
      .string({ error: "auth:errors.bulkEmpty" })
      .max(BULK_INVITE_MAX * 300, "auth:errors.bulkTooMany")
      .transform(emailLines)
      .pipe(z.array(z.string()).min(1, "auth:errors.bulkEmpty").max(BULK_INVITE_MAX, "auth:errors.bulkTooMany")),
    role: z.enum(ROLES, { error: "auth:errors.roleRequired" }),
    companyId: z.string().max(64).optional(),
    schoolId: z.string().max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "COMPANY_CONTACT" && !value.companyId)
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "auth:errors.companyRequired" });
    if ((value.role === "SCHOOL_CONTACT" || value.role === "TEACHER") && !value.schoolId)
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "auth:errors.schoolRequired" });
  });

/** Every form of the board's people page. */
export const PeopleActionSchema = z.discriminatedUnion("intent", [InviteSchema, BulkInviteSchema, RemoveRoleSchema, RevokeInvitationSchema]);
export type PeopleAction = z.infer<typeof PeopleActionSchema>;
