// The board's schools page: every school with its counts, and the data agreement with its document.
import { storeUpload, uploadLimits } from "~/modules/files/files.server";
import { db } from "~/utils/db.server";
import { AGREEMENT_OWNER, recordAgreement } from "./schools.server";

/** Every school with its agreement, teachers and open teacher requests; the document limits of the agreement form. */
export async function listBoardSchools(lng: string) {
  const schools = await db.school.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      brin: true,
      vestiging: true,
      city: true,
      type: true,
      agreementSignedOn: true,
      agreementFileId: true,
      agreementRecordedAt: true,
      _count: { select: { roles: { where: { role: "TEACHER" } }, teacherRequests: { where: { status: "OPEN" } } } },
    },
  });
  return { schools, document: uploadLimits("DOCUMENT", lng) };
}

export type AgreementResult = { ok: true } | { ok: false; notFound: true } | { ok: false; documentError: string };

/** Records a school's signed data agreement, with the signed document when one was sent. */
export async function recordAgreementWithDocument(input: { schoolId: string; signedOn: Date; document?: File }, actorId: string, lng: string): Promise<AgreementResult> {
  const exists = await db.school.findUnique({ where: { id: input.schoolId }, select: { id: true } });
  if (!exists) return { ok: false, notFound: true };
  let fileId: string | null = null;
  if (input.document) {
    const stored = await storeUpload({ file: input.document, kind: "DOCUMENT", ownerType: AGREEMENT_OWNER, ownerId: input.schoolId, uploadedById: actorId }, lng);
    if (!stored.ok) return { ok: false, documentError: stored.errorKey };
    fileId = stored.file.id;
  }
  if (!(await recordAgreement(input.schoolId, { signedOn: input.signedOn, fileId }, actorId))) return { ok: false, notFound: true };
  return { ok: true };
}
