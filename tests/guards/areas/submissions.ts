// Guards for submissions (issue 8, points 6–8): a team's submission page and the board's edition
// overview with its CSV. Runs after the teams area: it uses the team of school A (with pupilA)
// that area puts in world.params.teamId, or makes its own edition and team when there is none.
import fc from "fast-check";
import type { PrismaClient } from "../../../app/generated/prisma/client";
import { storeUpload } from "../../../app/modules/files/files.server";
import { fromAmsterdamTime } from "../../../app/utils/format";
import { cellsOf, marker } from "../cells";
import { form, fresh, ID_TRICKS, redirected, typedText, type Ctx, type Fields, type FormAction } from "../kit";
import type { GuardArea } from "./types";

const DAY = 86_400_000;
const PDF = (text: string) => `%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`;
const ALLOWED = 200;

type Db = PrismaClient;

/** A challenge with one edition open for submissions now (and a deadline in the future). */
async function openEdition(db: Db, tag: string) {
  const at = Date.now();
  const stamp = new Date(at);
  const challenge = await db.challenge.create({
    data: { slug: `guards-submissions-${tag}`, name: `Guards Challenge ${tag}`, description: "Guards", createdAt: stamp, updatedAt: stamp },
  });
  return db.edition.create({
    data: {
      challengeId: challenge.id,
      year: 2027,
      name: `Guards Challenge ${tag} 2027`,
      slug: `guards-submissions-${tag}-2027`,
      registrationOpensAt: new Date(at - 30 * DAY),
      registrationClosesAt: new Date(at + 10 * DAY),
      submissionDeadline: new Date(at + 30 * DAY),
      judgingOpensAt: new Date(at + 31 * DAY),
      judgingClosesAt: new Date(at + 40 * DAY),
      resultsPublishAt: new Date(at + 50 * DAY),
      categories: { create: [{ name: "Onderbouw", position: 0 }, { name: "Bovenbouw", position: 1 }] },
      createdAt: stamp,
      updatedAt: stamp,
    },
    include: { categories: true },
  });
}

async function newTeam(db: Db, data: { editionId: string; categoryId: string; schoolId: string; name: string; createdById?: string }) {
  const stamp = new Date();
  return db.team.create({
    data: { ...data, nameKey: data.name.toLowerCase().replace(/[^a-z0-9]+/g, ""), createdAt: stamp, updatedAt: stamp },
  });
}

async function newPupil(db: Db, schoolId: string, firstName: string, extra: { userId?: string; leerjaar?: number; leerweg?: string; profiel?: string; girl?: boolean } = {}) {
  return db.pupil.create({ data: { schoolId, firstName, className: "2B", schoolYear: 2026, createdAt: new Date(), ...extra } });
}

/** A version saved the way the app numbers them (next number), with the board's exception far ahead. */
async function addVersion(db: Db, teamId: string, description: string, fileIds: string[] = [], by: string | null = null) {
  const at = new Date();
  const submission = await db.submission.upsert({
    where: { teamId },
    create: { teamId, lateAllowedUntil: new Date(at.getTime() + 365 * DAY), createdAt: at, updatedAt: at },
    update: { lateAllowedUntil: new Date(at.getTime() + 365 * DAY) },
  });
  const last = await db.submissionVersion.findFirst({ where: { submissionId: submission.id }, orderBy: { number: "desc" }, select: { number: true } });
  return db.submissionVersion.create({
    data: { submissionId: submission.id, number: (last?.number ?? 0) + 1, description, fileIds, submittedById: by, at },
  });
}

/** Per hostile-input case: a fresh team of school A in the world's edition, with version 1 and one file. */
async function freshTeam(ctx: Ctx) {
  const { db, world } = ctx;
  const team = await newTeam(db, {
    editionId: world.params.submissionEditionId!,
    categoryId: world.params.submissionCategoryId!,
    schoolId: world.schoolA.id,
    name: fresh("Guardsteam "),
  });
  const version = await addVersion(db, team.id, "Eerste versie");
  const file = new File([PDF(fresh("doc"))], "ontwerp.pdf", { type: "application/pdf" });
  const stored = await storeUpload({ file, kind: "SUBMISSION", ownerType: "SubmissionVersion", ownerId: version.id, uploadedById: world.userIds.teacherA });
  if (!stored.ok) throw new Error(`fixture: the submission file was refused: ${stored.error}`);
  await db.submissionVersion.update({ where: { id: version.id }, data: { fileIds: [stored.file.id] } });
  return { cookie: world.cookies.teacherA, values: { teamId: team.id, fileId: stored.file.id } };
}

const latestVersion = (db: Db, teamId: string) =>
  db.submissionVersion.findFirst({ where: { submission: { teamId } }, orderBy: { number: "desc" } });

const submissionActions: FormAction[] = [
  {
    route: "routes/teams.$teamId.inzending",
    path: "/teams/:teamId/inzending",
    param: "{teamId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "description", "videoUrl", "marketingPlan", "file", "fileId"],
    aimed: {
      videoUrl: ["javascript:alert('vv-xss')", "http://www.youtube.com/watch?v=1", "https://", "https://user:pw@example.org/x", "//evil.example", "https://a b.nl"],
      fileId: ID_TRICKS,
      intent: ["SAVE", "save ", "upload\u0000"],
    },
    tables: ["Submission", "SubmissionVersion", "StoredFile", "AuditLog", "OutboxMessage"],
    variants: [
      {
        name: "save",
        // The marketing plan is always given: the edition may be one that asks for it.
        valid: form({
          intent: fc.constant("save"),
          description: typedText(4000).map((s) => `Ontwerp ${s}`),
          videoUrl: fc.option(fc.constantFrom("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/123456", "https://example.org/film.mp4"), { nil: undefined }),
          marketingPlan: typedText(4000).map((s) => `Plan ${s}`),
        }),
        prepare: freshTeam,
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx, value) {
          const latest = await latestVersion(ctx.db, fx.values.teamId!);
          if (!latest || latest.number !== 2) return "no version 2";
          if (latest.description !== value.description) return "description differs";
          return latest.fileIds.includes(fx.values.fileId!) ? null : "the earlier file was not kept";
        },
        shownOn: async (ctx, fx) => [{ path: `/teams/${fx.values.teamId}/inzending`, cookie: ctx.world.cookies.teacherA }],
      },
      {
        name: "upload",
        valid: fc.constantFrom("verslag.pdf", "<b>plan</b>.pdf", "ontwerp.exe").map(
          (name): Fields => [
            ["intent", "upload"],
            ["file", { file: name, type: "application/pdf", content: PDF("upload") }],
          ],
        ),
        prepare: freshTeam,
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx) {
          const latest = await latestVersion(ctx.db, fx.values.teamId!);
          if (!latest || latest.fileIds.length !== 2) return "the new version does not hold both files";
          const added = await ctx.db.storedFile.count({ where: { id: { in: latest.fileIds }, ownerId: latest.id, kind: "SUBMISSION", deletedAt: null } });
          return added === 1 ? null : "the uploaded file is not stored for the new version";
        },
        shownOn: async (ctx, fx) => [{ path: `/teams/${fx.values.teamId}/inzending`, cookie: ctx.world.cookies.teacherA }],
      },
      {
        name: "remove-file",
        valid: form({ intent: fc.constant("remove-file"), fileId: fc.constant("{fileId}") }),
        prepare: freshTeam,
        accepted: (res) => redirected(res, "/teams/"),
        async stored(ctx, fx) {
          const latest = await latestVersion(ctx.db, fx.values.teamId!);
          return latest?.number === 2 && latest.fileIds.length === 0 ? null : "no version 2 without the file";
        },
      },
    ],
  },
  {
    route: "routes/bestuur.edities.$editionId.overzicht",
    path: "/bestuur/edities/:editionId/overzicht",
    param: "{editionId}",
    reads: { as: "conform" },
    refusal: "4xx",
    fields: ["intent", "teamId", "until", "reason"],
    aimed: { teamId: ID_TRICKS, until: ["2020-01-01T10:00", "2099-13-01T10:00", "31-12-2099", "morgen", "2099-06-01T25:00", "2099-03-29T02:30"] },
    tables: ["Submission", "AuditLog"],
    variants: [
      {
        name: "late-exception",
        valid: form({
          intent: fc.constant("late-exception"),
          teamId: fc.constant("{teamId}"),
          until: fc.constantFrom("2099-06-01T12:00", "2098-01-15T09:30", "15-01-2098T09:30"),
          reason: typedText(400).map((s) => `Ziek ${s}`),
        }),
        async prepare(ctx) {
          const { values } = await freshTeam(ctx);
          return { cookie: ctx.world.cookies.board, values: { teamId: values.teamId!, editionId: ctx.world.params.submissionEditionId! } };
        },
        accepted: (res) => redirected(res, "/bestuur/edities/"),
        async stored(ctx, fx, value) {
          const submission = await ctx.db.submission.findUnique({ where: { teamId: fx.values.teamId! } });
          const expected = fromAmsterdamTime(String(value.until));
          return submission?.lateAllowedUntil?.getTime() === expected?.getTime() ? null : "exception not stored";
        },
        shownOn: async (ctx, fx) => [{ path: `/bestuur/edities/${fx.values.editionId}/overzicht`, cookie: ctx.world.cookies.board }],
      },
    ],
  },
];

export const submissionsArea: GuardArea = {
  name: "submissions",

  async seedWorld({ db, mk, world }) {
    const teamId = world.params.teamId;
    let team = teamId ? await db.team.findUnique({ where: { id: teamId }, select: { id: true, editionId: true, categoryId: true } }) : null;
    if (!team) {
      // No teams area (yet): an edition and a team of school A with pupilA, made here.
      const edition = await openEdition(db, "world");
      const created = await newTeam(db, { editionId: edition.id, categoryId: edition.categories[0]!.id, schoolId: world.schoolA.id, name: "Guards Zonneteam A", createdById: world.userIds.teacherA });
      await db.teamCoach.create({ data: { teamId: created.id, userId: world.userIds.teacherA } });
      const pupil =
        (await db.pupil.findUnique({ where: { userId: world.userIds.pupilA } })) ??
        (await newPupil(db, world.schoolA.id, "Guardsleerling", { userId: world.userIds.pupilA }));
      await db.teamMember.create({ data: { teamId: created.id, pupilId: pupil.id, position: 1 } });
      team = { id: created.id, editionId: edition.id, categoryId: created.categoryId };
    }
    await addVersion(db, team.id, `Onze zonne-auto ${mk("submission")}`, [], world.userIds.teacherA);
    // A second team (school B) in the same edition: its name is the overview's marker; its pupil
    // has no consent, so her name must never be in the CSV.
    const other = await newTeam(db, { editionId: team.editionId, categoryId: team.categoryId, schoolId: world.schoolB.id, name: `Team ${mk("submissionTeam")}` });
    const secret = await newPupil(db, world.schoolB.id, mk("pupilNoConsent"), { leerjaar: 2, leerweg: "KB", girl: true });
    await db.teamMember.create({ data: { teamId: other.id, pupilId: secret.id, position: 1 } });
    world.params.submissionTeamId = team.id;
    world.params.submissionEditionId = team.editionId;
    world.params.submissionCategoryId = team.categoryId;
  },

  rows: {
    "routes/teams.$teamId.inzending": {
      why: "A team's submission: its school's teachers and school contact, its own pupils and the board see it; to anyone else it does not exist.",
      path: (w) => `/teams/${w.params.submissionTeamId}/inzending`,
      marker: marker("submission"),
      cells: cellsOf(404, { anonymous: "login", board: ALLOWED, schoolContactA: ALLOWED, teacherA: ALLOWED, pupilA: ALLOWED }),
      action: {
        why: "Teachers of the school, the team's pupils and the board save versions; the school contact only reads (403); others get 404.",
        form: () => ({ intent: "no-such-intent" }),
        cells: {
          anonymous: "login", board: 400, contactA: 404, contactB: 404, schoolContactA: 403, schoolContactB: 404,
          teacherA: 400, teacherB: 404, pupilA: 400, jurorA: 404, officialA: 404,
        },
      },
    },
    "routes/bestuur.edities.$editionId.overzicht": {
      why:
        "The board's overview of an edition (marker: a team's name) and its CSV for outside the school; the name of a pupil " +
        "without consent must appear nowhere, also not in the CSV (it is the marker every response must lack).",
      path: (w) => `/bestuur/edities/${w.params.submissionEditionId}/overzicht`,
      marker: (w, role) => (role === "board" ? w.markers.submissionTeam : w.markers.pupilNoConsent),
      cells: cellsOf(403, { anonymous: "login", board: ALLOWED }),
      action: {
        why: "Only the board grants a late exception.",
        form: () => ({ intent: "no-such-intent" }),
        cells: {
          anonymous: "login", board: 400, contactA: 403, contactB: 403, schoolContactA: 403, schoolContactB: 403,
          teacherA: 403, teacherB: 403, pupilA: 403, jurorA: 403, officialA: 403,
        },
      },
    },
    "routes/bestuur.edities.$editionId.overzicht[.]csv": {
      why:
        "The overview's CSV for outside the school (a resource route): the board only; the name of a pupil without " +
        "consent must not be in it (it is the marker every response must lack).",
      path: (w) => `/bestuur/edities/${w.params.submissionEditionId}/overzicht.csv`,
      marker: (w, role) => (role === "board" ? w.markers.submissionTeam : w.markers.pupilNoConsent),
      cells: cellsOf(403, { anonymous: "login", board: ALLOWED }),
      formats: [{ name: "CSV", query: "download=1", contentType: "text/csv" }],
    },
  },

  actions: submissionActions,

  pages: {
    "routes/teams.$teamId.inzending": { as: "teacher", path: (d) => `/teams/${d.params.submissionTeamId}/inzending` },
    "routes/bestuur.edities.$editionId.overzicht": { as: "board", path: (d) => `/bestuur/edities/${d.params.submissionEditionId}/overzicht` },
  },

  async seedDataset({ db, scale, tag, units }) {
    const edition = await openEdition(db, `ds-${tag}`);
    const at = Date.now();
    let viewerTeam: string | null = null;
    for (const [u, unit] of units.entries()) {
      for (const [s, schoolId] of unit.schoolIds.entries()) {
        for (let k = 0; k < 2; k++) {
          const team = await newTeam(db, { editionId: edition.id, categoryId: edition.categories[k % 2]!.id, schoolId, name: `Team ${tag} ${u}-${s}-${k}` });
          if (u === 0 && s === 0 && k === 0) viewerTeam = team.id;
          const pupils = [];
          for (let p = 0; p < 3; p++) {
            pupils.push(await newPupil(db, schoolId, `Leerling${tag}${u}${s}${k}${p}`, { leerjaar: 1 + (p % 4), leerweg: ["BB", "KB", "GL"][p % 3]!, profiel: ["PIE", "BWI"][p % 2]!, girl: p % 2 === 0 }));
          }
          await db.teamMember.createMany({ data: pupils.map((p, i) => ({ teamId: team.id, pupilId: p.id, position: i + 1 })) });
          await db.consent.createMany({
            data: pupils.slice(0, 2).map((p, i) => ({
              pupilId: p.id, givenBy: "PARENT" as const, giverName: "Ouder", channel: "PAPER", publishName: i === 0, publishPhotos: true, textVersion: "2026-1",
              at: new Date(at - 20 * DAY), withdrawnAt: i === 1 ? new Date(at - DAY) : null,
            })),
          });
          if (k === 1) continue; // one team in two has not handed in anything
          const submission = await db.submission.create({ data: { teamId: team.id, createdAt: new Date(at - 10 * DAY), updatedAt: new Date(at) } });
          // The viewer's team has many versions in the large dataset (the history grows, the queries must not).
          const count = team.id === viewerTeam ? 3 * scale : 2;
          const files = await db.storedFile.createManyAndReturn({
            data: Array.from({ length: 2 }, (_, i) => ({
              kind: "SUBMISSION", storage: "LOCAL" as const, storageKey: `dataset/${team.id}-${i}.pdf`, fileName: `deel-${i}.pdf`, contentType: "application/pdf",
              size: 1000 + i, sha256: "0".repeat(64), ownerType: "SubmissionVersion", ownerId: `${team.id}v1`, createdAt: new Date(at),
            })),
            select: { id: true },
          });
          await db.submissionVersion.createMany({
            data: Array.from({ length: count }, (_, i) => ({
              id: i === 0 ? `${team.id}v1` : undefined,
              submissionId: submission.id,
              number: i + 1,
              description: `Versie ${i + 1} van ${team.name}`,
              fileIds: files.map((f) => f.id),
              at: new Date(at - (count - i) * 3_600_000 - u * DAY),
            })),
          });
        }
      }
    }
    return { submissionTeamId: viewerTeam!, submissionEditionId: edition.id };
  },
};
