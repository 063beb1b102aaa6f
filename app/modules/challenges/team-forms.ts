// The team pages' form input (client-safe: a route's actionSchema is part of the client build,
// and the registration form validates in the browser too). Messages are keys of "teams".
import { z } from "zod";
import { cleanString, ID_PATTERN, idSchema } from "~/utils/input";
import { PROFIELEN } from "./profielen";
import { LEERWEGEN } from "./teams";

const text = (max: number, required: string) =>
  z.string({ error: required }).transform(cleanString).pipe(z.string({ error: required }).min(1, required).max(max, `teams:errors.tooLong?max=${max}`));
const pupilId = idSchema("teams:errors.pupilRequired");

/** One pupil of a team (registration, adding and correcting a pupil). */
export const PupilRowSchema = z.object({
  firstName: text(60, "teams:errors.firstNameRequired"),
  className: text(20, "teams:errors.classRequired"),
  leerjaar: z.number({ error: "teams:errors.leerjaar" }).int("teams:errors.leerjaar").min(1, "teams:errors.leerjaar").max(8, "teams:errors.leerjaar").optional(),
  leerweg: z.enum(LEERWEGEN, { error: "teams:errors.leerweg" }).optional(),
  profiel: z.enum(PROFIELEN, { error: "teams:errors.profiel" }).optional(),
});

/** /teams/nieuw: a team with its pupils, helpers and begeleiders. */
export const RegisterSchema = z.object({
  editionId: idSchema("teams:errors.editionRequired"),
  schoolId: idSchema("teams:errors.schoolRequired"),
  name: text(80, "teams:errors.nameRequired"),
  categoryId: idSchema("teams:errors.categoryRequired"),
  pupils: z.array(PupilRowSchema).max(40, "teams:errors.tooMany?count=40").default([]),
  coachIds: z.array(z.string().regex(ID_PATTERN, "teams:errors.coachUnknown")).max(20).default([]),
  helperSchoolId: z.string().regex(ID_PATTERN, "teams:errors.helperSchool").optional(),
  helpers: z.array(PupilRowSchema).max(20).default([]),
});

/** /teams/<id>: changes to a registered team. */
export const TeamActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: z.string({ error: "teams:errors.nameRequired" }).transform(cleanString).pipe(z.string({ error: "teams:errors.nameRequired" }).min(1, "teams:errors.nameRequired").max(80, "teams:errors.tooLong?max=80")) }),
  z.object({ intent: z.literal("move"), categoryId: idSchema("teams:errors.categoryRequired") }),
  z.object({ intent: z.literal("withdraw") }),
  PupilRowSchema.extend({ intent: z.literal("add-pupil") }),
  PupilRowSchema.extend({ intent: z.literal("edit-pupil"), pupilId }),
  z.object({ intent: z.literal("remove-pupil"), pupilId }),
  z.object({ intent: z.literal("erase-pupil"), pupilId }),
  z.object({ intent: z.literal("add-coach"), userId: idSchema("teams:errors.coachUnknown") }),
]);

/** /teams/<id>/codes: new codes for all pupils or one, or one pupil's code revoked. */
export const CodesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("issue"), pupilId: z.string().regex(ID_PATTERN, "teams:errors.pupilRequired").optional() }),
  z.object({ intent: z.literal("revoke"), pupilId }),
]);

/** /teams/<id>/toestemming: consent on paper, a request by mail, a consent withdrawn. */
export const ConsentActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("paper"),
    pupilId,
    givenBy: z.enum(["PARENT", "PUPIL"], { error: "teams:errors.givenBy" }),
    giverName: z.string({ error: "teams:errors.giverName" }).transform(cleanString).pipe(z.string().min(1, "teams:errors.giverName").max(120, "teams:errors.tooLong?max=120")),
    publishName: z.boolean().default(false),
    publishPhotos: z.boolean().default(false),
    pupilIs16OrOlder: z.boolean().default(false),
    textVersion: z.string({ error: "teams:errors.textVersion" }).max(40, "teams:errors.textVersion"),
  }),
  z.object({
    intent: z.literal("request"),
    pupilId,
    parentEmail: z.string({ error: "teams:errors.parentEmail" }).transform(cleanString).pipe(z.email("teams:errors.parentEmail").max(254, "teams:errors.parentEmail")).transform((s) => s.toLowerCase()),
    locale: z.enum(["nl", "en"]).default("nl"),
  }),
  z.object({ intent: z.literal("withdraw"), consentId: idSchema("teams:errors.consentRequired") }),
]);

/** /toestemming/<token>: the parent's answer. */
export const ParentAnswerSchema = z.object({
  giverName: z.string({ error: "teams:errors.giverName" }).transform(cleanString).pipe(z.string().min(1, "teams:errors.giverName").max(120, "teams:errors.tooLong?max=120")),
  publishName: z.boolean().default(false),
  publishPhotos: z.boolean().default(false),
});

/** The message and status for a refused team change (registration closed, no data agreement, withdrawn). */
export function refusalReply(reason: "closed" | "no-agreement" | "withdrawn"): { key: string; status: number } {
  const key = reason === "closed" ? "teams:errors.closed" : reason === "no-agreement" ? "teams:errors.noAgreement" : "teams:errors.withdrawn";
  return { key, status: reason === "closed" ? 403 : 400 };
}
