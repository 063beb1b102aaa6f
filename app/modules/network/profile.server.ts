// The company profile's action (details and logo). It answers on the profile page and, for a
// post without "?index" (Remix sends those to the layout), on the layout route of /bedrijf/<id>.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { audit, changedFields } from "~/modules/audit/audit.server";
import { notFound } from "~/modules/auth/session.server";
import { LOGO_OWNER_TYPE } from "~/modules/companies/logos.server";
import { deleteStoredFile, storeUpload } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";
import { getLanguage } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { withUploadForm } from "~/modules/files/upload-form.server";
import { ProfileActionSchema } from "./network.schema";

export const PROFILE_FIELDS = {
  id: true,
  name: true,
  description: true,
  sector: true,
  city: true,
  website: true,
  vatNumber: true,
  invoiceAddress: true,
  invoicePostcode: true,
  invoiceCity: true,
  invoiceAttention: true,
  billingEmail: true,
  poNumber: true,
  logoFileId: true,
  updatedAt: true,
} as const;


// Conform's reply at the top level (the upload form reads `error.logo` from it), marked with the form it belongs to.
const reply = (form: "profile" | "logo", result: SubmissionResult<string[]>) => json({ ...result, form }, { status: 400 });

export async function profileAction({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyAccess(request, params.companyId);
  return withUploadForm(request, "LOGO", async (form) => {
    const submission = parseWithZod(form, { schema: ProfileActionSchema });
    if (submission.status !== "success") {
      const intent = submission.payload.intent === "logo" ? "logo" : "profile";
      return reply(intent, submission.reply());
    }
    const value = submission.value;
    const path = `/bedrijf/${companyId}`;

    if (value.intent === "profile") {
      const { intent: _intent, ...data } = value;
      const saved = await db.$transaction(async (tx) => {
        const before = await tx.company.findUnique({ where: { id: companyId }, select: PROFILE_FIELDS });
        if (!before) return false;
        await tx.company.update({ where: { id: companyId }, data });
        const diff = changedFields(before, data);
        await audit({ actorId: user.id, action: "company.profile.update", entityType: "Company", entityId: companyId, ...diff }, tx);
        return true;
      });
      if (!saved) notFound();
      return redirectWithToast(path, { key: "network:profile.saved" });
    }

    const exists = await db.company.findUnique({ where: { id: companyId }, select: { id: true } });
    if (!exists) notFound();
    const lng = await getLanguage(request);
    const stored = await storeUpload({ file: value.logo, kind: "LOGO", ownerType: LOGO_OWNER_TYPE, ownerId: companyId, uploadedById: user.id }, lng);
    if (!stored.ok) {
      return reply("logo", submission.reply({ fieldErrors: { logo: [stored.errorKey] } }));
    }
    const previous = await db.$transaction(async (tx) => {
      const before = await tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { logoFileId: true } });
      await tx.company.update({ where: { id: companyId }, data: { logoFileId: stored.file.id } });
      await audit(
        { actorId: user.id, action: "company.logo.update", entityType: "Company", entityId: companyId, before: { logoFileId: before.logoFileId }, after: { logoFileId: stored.file.id } },
        tx,
      );
      return before.logoFileId;
    });
    // The old logo goes after the new one is linked: a failure here leaves an unused file, never a missing logo.
    if (previous) await deleteStoredFile({ fileId: previous, actorId: user.id });
    return redirectWithToast(path, { key: "network:profile.logoSaved" });
  });
}

