// Demo data for the jury's assignment and score pictures (issue 17, points 3 and 7): the Robotica
// Challenge (judging open on the seeding day) gets three more entries from the Maasdal College
// and four more jurors who accepted: Kees Teunissen, who teaches at the Peelland Techniek
// College (so the page shows a detected conflict with its three teams), Miriam de Bruijn, Joost
// Hermans and Ruud Peeters. Six entries × N = 3 over six jurors: every load is 3, so Sanne keeps
// exactly her three. The edition is set to automatic, balanced assignment with N = 3, and the
// automatic distribution is applied with the same rule the board's button uses (Sanne
// Verheijen's three manual assignments, her submitted sheet and her draft stay as they are).
// Kees scores hard, Miriam soft, Joost and Ruud in between; one of Joost's entries is not scored yet.
// Every date lies before the seeding day.
import type { Prisma } from "../app/generated/prisma/client";
import { teamNameKey } from "../app/modules/challenges/teams";
import { assignBalanced } from "../app/modules/judging/rules";
import { hashSecret, randomToken } from "../app/utils/crypto.server";
import { createUser } from "./factories";
import { dayAt } from "./seed-dates";

type Tx = Prisma.TransactionClient;

export const PANEL_JURORS = [
  { name: "Kees Teunissen", email: "kees.teunissen@peellandtechniekcollege.example", base: 2, teachesAt: "20CD" },
  { name: "Miriam de Bruijn", email: "miriam.debruijn@jurynetwerk.example", base: 4, teachesAt: null },
  { name: "Joost Hermans", email: "joost.hermans@jurynetwerk.example", base: 3, teachesAt: null },
  { name: "Ruud Peeters", email: "ruud.peeters@jurynetwerk.example", base: 3, teachesAt: null },
] as const;

const MAASDAL_ENTRIES: Array<[name: string, category: string, description: string]> = [
  ["Maasdal Movers", "Vmbo BB/KB", "Een robotkarretje dat gereedschap naar de werkplaats brengt."],
  ["De Sorteerders", "Vmbo GL/TL", "Een sorteermachine voor lege flessen met een kleurensensor."],
  ["RoboRijders", "Vmbo GL/TL", "Een lijnvolger die pakketjes door het magazijn rijdt."],
];

export async function seedJudgingPanel(tx: Tx, editionId: string): Promise<void> {
  const board = await tx.user.findFirst({ where: { roles: { some: { role: "BOARD" } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const edition = await tx.edition.findUniqueOrThrow({ where: { id: editionId }, select: { categories: { select: { id: true, name: true } } } });
  const schools = new Map((await tx.school.findMany({ select: { id: true, brin: true } })).map((s) => [s.brin, s.id]));
  const maasdal = schools.get("14AB");

  // Three more entries, handed in before the deadline.
  if (maasdal) {
    const teacher = await tx.roleAssignment.findFirst({ where: { role: "TEACHER", schoolId: maasdal }, orderBy: { createdAt: "asc" }, select: { userId: true } });
    for (const [index, [name, category, description]] of MAASDAL_ENTRIES.entries()) {
      const categoryId = edition.categories.find((c) => c.name === category)?.id;
      if (!categoryId) continue;
      const registered = dayAt(-60 + index, "15:00");
      const handedIn = dayAt(-16 + index, "16:30");
      await tx.team.create({
        data: {
          editionId, categoryId, schoolId: maasdal, name, nameKey: teamNameKey(name), createdById: teacher?.userId ?? null, createdAt: registered, updatedAt: registered,
          ...(teacher ? { coaches: { create: [{ userId: teacher.userId }] } } : {}),
          submission: {
            create: {
              createdAt: handedIn, updatedAt: handedIn,
              versions: { create: [{ number: 1, description, videoUrl: null, marketingPlan: null, fileIds: [], submittedById: teacher?.userId ?? null, at: handedIn }] },
            },
          },
        },
      });
    }
  }

  // Four jurors who accepted their invitation.
  const members: Array<{ id: string; base: number; schoolId: string | null }> = [];
  for (const [index, j] of PANEL_JURORS.entries()) {
    const invitedAt = dayAt(-21, "10:05");
    const acceptedAt = dayAt(-19 + index, "20:00");
    const user = await createUser(tx, { name: j.name, email: j.email });
    const schoolId = j.teachesAt ? (schools.get(j.teachesAt) ?? null) : null;
    if (schoolId) await tx.roleAssignment.create({ data: { userId: user.id, role: "TEACHER", schoolId, createdAt: dayAt(-300) } });
    const invitation = await tx.invitation.create({
      data: {
        email: j.email, name: j.name, role: "JUROR", editionId, tokenHash: hashSecret(`invitation:${randomToken()}`),
        invitedById: board?.id ?? null, createdAt: invitedAt, expiresAt: new Date(invitedAt.getTime() + 14 * 86_400_000), acceptedAt, acceptedById: user.id,
      },
    });
    await tx.roleAssignment.create({ data: { userId: user.id, role: "JUROR", editionId, createdAt: acceptedAt } });
    const member = await tx.juryMember.create({
      data: { editionId, email: j.email, name: j.name, userId: user.id, invitationId: invitation.id, createdAt: invitedAt, createdById: board?.id ?? null },
    });
    members.push({ id: member.id, base: j.base, schoolId });
  }

  // Automatic, balanced, N = 3 (JudgingSettings may exist already: only these two fields are ours).
  const settingsAt = dayAt(-13, "09:00");
  await tx.judgingSettings.upsert({
    where: { editionId },
    create: { editionId, assignmentMode: "AUTOMATIC", minJurorsPerEntry: 3, updatedAt: settingsAt },
    update: { assignmentMode: "AUTOMATIC", minJurorsPerEntry: 3 },
  });

  // The distribution, as the board's button makes it: conflicts are the teacher's school's teams here.
  const [teams, jury, existing] = await Promise.all([
    tx.team.findMany({ where: { editionId, withdrawnAt: null }, orderBy: { name: "asc" }, select: { id: true, schoolId: true } }),
    tx.juryMember.findMany({ where: { editionId, removedAt: null }, select: { id: true } }),
    tx.juryAssignment.findMany({ where: { juryMember: { editionId } }, select: { juryMemberId: true, teamId: true } }),
  ]);
  const conflicts = members.flatMap((m) => teams.filter((t) => t.schoolId === m.schoolId).map((t) => ({ jurorId: m.id, entryId: t.id })));
  const result = assignBalanced({
    entryIds: teams.map((t) => t.id),
    jurorIds: jury.map((m) => m.id),
    minJurorsPerEntry: 3,
    conflicts,
    existing: existing.map((a) => ({ jurorId: a.juryMemberId, entryId: a.teamId })),
    seed: editionId,
  });
  const distributedAt = dayAt(-12, "09:30");
  const automatic = result.assignments.filter((a) => !a.manual);
  await tx.juryAssignment.createMany({
    data: automatic.map((a) => ({ juryMemberId: a.jurorId, teamId: a.entryId, source: "AUTOMATIC" as const, createdAt: distributedAt, createdById: board?.id ?? null })),
  });
  await tx.auditLog.create({
    data: {
      at: distributedAt, actorId: board?.id ?? null, action: "judging.assignment.distribute", entityType: "Edition", entityId: editionId,
      meta: { mode: "AUTOMATIC", minJurorsPerEntry: 3, created: automatic.length, removed: 0, kept: existing.length, entriesUnderN: result.shortfalls.length, minLoad: result.coverage.minLoad, maxLoad: result.coverage.maxLoad, seeded: true },
    },
  });

  // Submitted sheets from the four: each juror around their own level; Joost has not scored his last entry yet.
  const form = await tx.scoringForm.findFirst({ where: { editionId, categoryId: null }, select: { criteria: { orderBy: { position: "asc" }, select: { id: true } } } });
  if (!form) return;
  for (const [jurorIndex, m] of members.entries()) {
    const mine = automatic.filter((a) => a.jurorId === m.id);
    const scored = jurorIndex === 2 ? mine.slice(0, -1) : mine;
    for (const [i, a] of scored.entries()) {
      const at = dayAt(-8 + i + jurorIndex, "19:45");
      const levels = form.criteria.map((c, k) => ({ criterionId: c.id, value: Math.min(5, Math.max(1, m.base + ((i + k + jurorIndex) % 3) - 1)) }));
      await tx.scoreSheet.create({
        data: {
          juryMemberId: m.id, teamId: a.entryId, status: "SUBMITTED", submittedAt: at, createdAt: at, updatedAt: at,
          top: "Goed samengewerkt en de robot doet wat hij belooft.", tip: "Laat in de uitleg ook zien wat er misging en hoe jullie dat oplosten.",
          levels: { create: levels },
        },
      });
    }
  }
}
