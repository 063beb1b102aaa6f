// Guards for stored files under the app's own access rules (issue 15, point 14): the world gets,
// each with a marker in its bytes, a submission file of school A's team and one of school B's team
// (rule canReadSubmissionFile), the data agreement of school A and of school B (canSeeAgreement),
// and the logo of a company that applied but is not listed (canSeeCompanyLogo: board and own
// contacts only) and of a listed one (public). Runs after the submissions and network areas.
//
// All are stored as PDFs (kind DOCUMENT/SUBMISSION): images are re-encoded on upload, which would
// drop a marker, and who may read a file depends only on its owner type and owner id.
import { SUBMISSION_FILE_OWNER } from "../../../app/modules/challenges/submission-files.server";
import { AGREEMENT_OWNER } from "../../../app/modules/challenges/schools.server";
import { LOGO_OWNER_TYPE } from "../../../app/modules/companies/logos.server";
import { storeUpload, type FileKind } from "../../../app/modules/files/files.server";
import type { Cells, Row } from "../access-matrix";
import { cellsOf, everyone, marker } from "../cells";
import type { GuardArea } from "./types";

const PDF = (text: string) => `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`;

/** canReadSubmissionFile: the board, the school's teachers and contact, the team's own pupils. */
const SUBMISSION_A: Cells = cellsOf(404, { board: 200, schoolContactA: 200, teacherA: 200, pupilA: 200 });
const SUBMISSION_B: Cells = cellsOf(404, { board: 200, schoolContactB: 200, teacherB: 200 });
/** canSeeAgreement: the board and the school's contact; not its teachers. */
const AGREEMENT_A: Cells = cellsOf(404, { board: 200, schoolContactA: 200 });
const AGREEMENT_B: Cells = cellsOf(404, { board: 200, schoolContactB: 200 });
/** canSeeCompanyLogo: anyone while listed; otherwise the board and the company's own contacts. */
const LOGO_UNLISTED: Cells = cellsOf(404, { board: 200 });

const rows: Record<string, Row> = {
  "routes/files.$fileId": {
    why: "School A's team's submission file (rule canReadSubmissionFile): the board, school A's teachers and contact, the team's pupil; to anyone else it does not exist.",
    path: (w) => `/files/${w.params.fileSubmissionA}`,
    marker: marker("fileSubmissionA"),
    cells: SUBMISSION_A,
    also: [
      {
        why: "School B's team's submission file: school B's staff and the board; pupilA (another team) and school A get 404.",
        path: (w) => `/files/${w.params.fileSubmissionB}`,
        marker: marker("fileSubmissionB"),
        cells: SUBMISSION_B,
      },
      {
        why: "School A's data agreement (rule canSeeAgreement): the board and school A's contact only; school A's teachers too get 404.",
        path: (w) => `/files/${w.params.fileAgreementA}`,
        marker: marker("fileAgreementA"),
        cells: AGREEMENT_A,
      },
      {
        why: "School B's data agreement: the other way round.",
        path: (w) => `/files/${w.params.fileAgreementB}`,
        marker: marker("fileAgreementB"),
        cells: AGREEMENT_B,
      },
      {
        why: "The logo of a company that applied and is not listed (rule canSeeCompanyLogo): only the board (it has no contacts yet).",
        path: (w) => `/files/${w.params.fileLogoUnlisted}`,
        marker: marker("fileLogoUnlisted"),
        cells: LOGO_UNLISTED,
      },
      {
        why: "A submission file of an entry assigned to jurorA while judging is open (judging-jury area): the board and that juror; the school's staff of that school are not in the world.",
        path: (w) => `/files/${w.params.jsFileMine}`,
        marker: marker("jsFileMine"),
        cells: cellsOf(404, { board: 200, jurorA: 200 }),
      },
      {
        why: "The logo of a listed company is public (it is on the directory).",
        path: (w) => `/files/${w.params.fileLogoListed}`,
        marker: marker("fileLogoListed"),
        cells: everyone(200),
      },
    ],
  },
};

export const filesArea: GuardArea = {
  name: "files",
  async seedWorld({ db, mk, world }) {
    const store = async (name: string, kind: FileKind, ownerType: string, ownerId: string, by: string | null) => {
      const file = new File([PDF(mk(name))], `${name}.pdf`, { type: "application/pdf" });
      const stored = await storeUpload({ file, kind, ownerType, ownerId, uploadedById: by });
      if (!stored.ok) throw new Error(`the world's ${name} was refused: ${stored.error}`);
      world.params[name] = stored.file.id;
      return stored.file.id;
    };
    const handIn = async (name: string, teamId: string, by: string) => {
      const at = new Date();
      const submission = await db.submission.upsert({ where: { teamId }, create: { teamId, createdAt: at, updatedAt: at }, update: {} });
      const last = await db.submissionVersion.findFirst({ where: { submissionId: submission.id }, orderBy: { number: "desc" } });
      const version = await db.submissionVersion.create({
        data: { submissionId: submission.id, number: (last?.number ?? 0) + 1, description: last?.description ?? "Versie met bestand", fileIds: last?.fileIds ?? [], submittedById: by, at },
      });
      const fileId = await store(name, "SUBMISSION", SUBMISSION_FILE_OWNER, version.id, by);
      await db.submissionVersion.update({ where: { id: version.id }, data: { fileIds: [...version.fileIds, fileId] } });
      world.params[`${name}Team`] = teamId;
    };

    const teamA = world.params.submissionTeamId;
    const teamB = await db.team.findFirst({ where: { schoolId: world.schoolB.id, name: { contains: world.markers.submissionTeam ?? "\u0000" } }, select: { id: true } });
    if (!teamA || !teamB) throw new Error("the files area needs the submissions area's teams of school A and B");
    await handIn("fileSubmissionA", teamA, world.userIds.teacherA);
    await handIn("fileSubmissionB", teamB.id, world.userIds.teacherB);
    await store("fileAgreementA", "DOCUMENT", AGREEMENT_OWNER, world.schoolA.id, world.userIds.board);
    await store("fileAgreementB", "DOCUMENT", AGREEMENT_OWNER, world.schoolB.id, world.userIds.board);
    const unlisted = world.params.coAppliedId;
    const listed = world.params.nwListedCompanyId;
    if (!unlisted || !listed) throw new Error("the files area needs the companies area's application and the network area's listed company");
    await store("fileLogoUnlisted", "DOCUMENT", LOGO_OWNER_TYPE, unlisted, null);
    await store("fileLogoListed", "DOCUMENT", LOGO_OWNER_TYPE, listed, world.userIds.board);
  },
  rows,
};
