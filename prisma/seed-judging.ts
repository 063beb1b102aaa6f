// Demo data for judging (issue 17, first slice): a scoring form for the Robotica Challenge (its
// judging is open on the seeding day) and for the finished Junior Innovation Challenge; the demo
// juror Sanne Verheijen on the Robotica jury (invitation accepted, a JUROR role scoped to that
// edition), with the three entries assigned, one scored and submitted, one a draft and one not
// yet started; and a second juror whose invitation is still open. Each Robotica entry has a video
// link besides its description (something to open on the scoring page). A fourth Robotica team,
// of another school and not assigned to Sanne, is one she declared a conflict with (her child is
// in it). Dates are relative to the seeding day; nothing is dated after it.
import type { Prisma } from "../app/generated/prisma/client";
import { teamNameKey } from "../app/modules/challenges/teams";
import { hashSecret, randomToken } from "../app/utils/crypto.server";
import { createUser } from "./factories";
import { dayAt } from "./seed-dates";
import { seedResults } from "./seed-results";
import { seedJudgingPanel } from "./seed-jury-panel";

type Tx = Prisma.TransactionClient;

export const DEMO_JUROR = { name: "Sanne Verheijen", email: "sanne.verheijen@jurynetwerk.example" };
const PENDING_JUROR = { name: "Ton Hendrix", email: "ton.hendrix@jurynetwerk.example" };

const FIVE = (texts: [string, string, string, string, string]) => texts.map((text, i) => ({ value: i + 1, text }));

type CriterionSeed = { name: string; description: string; weight: number; counted?: boolean; levels: Array<{ value: number; text: string }> };

const ROBOTICA: CriterionSeed[] = [
  {
    name: "Werking van de robot",
    description: "Voert de robot de opdracht van het bedrijf betrouwbaar uit?",
    weight: 3,
    levels: FIVE(["Werkt niet", "Werkt af en toe", "Werkt meestal", "Werkt betrouwbaar", "Werkt betrouwbaar en slim"]),
  },
  {
    name: "Programmeren",
    description: "Is het programma begrijpelijk opgebouwd en kan het team het aanpassen?",
    weight: 2,
    levels: FIVE(["Onvoldoende", "Matig", "Voldoende", "Goed", "Uitstekend"]),
  },
  {
    name: "Uitleg van het team",
    description: "Legt het team uit hoe de robot werkt en waarom het deze keuzes maakte?",
    weight: 2,
    levels: FIVE(["Onvoldoende", "Matig", "Voldoende", "Goed", "Uitstekend"]),
  },
  {
    name: "Samenwerking",
    description: "Getoond aan het team als feedback; telt niet mee in de score.",
    weight: 1,
    counted: false,
    levels: FIVE(["Onvoldoende", "Matig", "Voldoende", "Goed", "Uitstekend"]),
  },
];

const JUNIOR: CriterionSeed[] = [
  {
    name: "Originaliteit van het idee",
    description: "Is het idee nieuw voor het bedrijf?",
    weight: 3,
    levels: FIVE(["Bestaat al", "Weinig nieuw", "Deels nieuw", "Nieuw", "Verrassend nieuw"]),
  },
  {
    name: "Bruikbaarheid voor het bedrijf",
    description: "Kan het bedrijf er morgen mee aan de slag?",
    weight: 2,
    levels: FIVE(["Niet bruikbaar", "Nauwelijks", "Met veel werk", "Met wat werk", "Direct bruikbaar"]),
  },
  {
    name: "Presentatie",
    description: "Presenteert het team helder en overtuigend?",
    weight: 1,
    levels: FIVE(["Onvoldoende", "Matig", "Voldoende", "Goed", "Uitstekend"]),
  },
];

async function createForm(tx: Tx, editionId: string, criteria: CriterionSeed[], at: Date): Promise<string[]> {
  const form = await tx.scoringForm.create({ data: { editionId, categoryId: null, scopeKey: "edition", createdAt: at, updatedAt: at }, select: { id: true } });
  const ids: string[] = [];
  for (const [position, c] of criteria.entries()) {
    const created = await tx.scoringCriterion.create({
      data: { formId: form.id, name: c.name, description: c.description, weight: c.weight, counted: c.counted ?? true, position, createdAt: at, levels: { create: c.levels } },
      select: { id: true },
    });
    ids.push(created.id);
  }
  return ids;
}

export async function seedJudging(tx: Tx): Promise<void> {
  const editions = await tx.edition.findMany({ select: { id: true, name: true, challenge: { select: { slug: true } } } });
  const robotica = editions.find((e) => e.challenge.slug === "robotica-challenge");
  const junior = editions.find((e) => e.challenge.slug === "junior-innovation-challenge");
  const board = await tx.user.findFirst({ where: { roles: { some: { role: "BOARD" } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (junior) await createForm(tx, junior.id, JUNIOR, dayAt(-240, "10:00"));
  if (junior) await seedResults(tx, junior.id);
  if (!robotica) return;
  const criteria = await createForm(tx, robotica.id, ROBOTICA, dayAt(-30, "10:00"));

  // Sanne was invited three weeks ago and accepted the next day.
  const invitedAt = dayAt(-21, "10:00");
  const acceptedAt = dayAt(-20, "19:30");
  const juror = await createUser(tx, DEMO_JUROR);
  const invitation = await tx.invitation.create({
    data: {
      email: DEMO_JUROR.email, name: DEMO_JUROR.name, role: "JUROR", editionId: robotica.id, tokenHash: hashSecret(`invitation:${randomToken()}`),
      invitedById: board?.id ?? null, createdAt: invitedAt, expiresAt: new Date(invitedAt.getTime() + 14 * 86_400_000), acceptedAt, acceptedById: juror.id,
    },
  });
  await tx.roleAssignment.create({ data: { userId: juror.id, role: "JUROR", editionId: robotica.id, createdAt: acceptedAt } });
  const member = await tx.juryMember.create({
    data: { editionId: robotica.id, email: DEMO_JUROR.email, name: DEMO_JUROR.name, userId: juror.id, invitationId: invitation.id, createdAt: invitedAt, createdById: board?.id ?? null },
  });

  // Ton was invited yesterday and has not answered (his link is in no mailbox: the demo cannot accept for him).
  const pendingAt = dayAt(-1, "09:00");
  const pending = await tx.invitation.create({
    data: {
      email: PENDING_JUROR.email, name: PENDING_JUROR.name, role: "JUROR", editionId: robotica.id, tokenHash: hashSecret(`invitation:${randomToken()}`),
      invitedById: board?.id ?? null, createdAt: pendingAt, expiresAt: new Date(pendingAt.getTime() + 14 * 86_400_000),
    },
  });
  await tx.juryMember.create({
    data: { editionId: robotica.id, email: PENDING_JUROR.email, name: PENDING_JUROR.name, invitationId: pending.id, createdAt: pendingAt, createdById: board?.id ?? null },
  });

  // Every entry of the Robotica Challenge is assigned to Sanne: one scored, one a draft, one not started.
  const teams = await tx.team.findMany({ where: { editionId: robotica.id, status: "REGISTERED", submission: { isNot: null } }, orderBy: { name: "asc" }, select: { id: true } });
  const assignedAt = dayAt(-10, "09:30");
  for (const team of teams) {
    await tx.juryAssignment.create({ data: { juryMemberId: member.id, teamId: team.id, source: "MANUAL", createdAt: assignedAt, createdById: board?.id ?? null } });
  }
  const sheets: Array<{ levels: number[]; top: string; tip: string; submitted: boolean }> = [
    { levels: [4, 3, 5, 4], top: "Heldere uitleg, iedereen in het team kon vertellen hoe de robot werkt.", tip: "Test de robot ook met andere kratten dan die van de demo.", submitted: true },
    { levels: [3, 4], top: "Netjes opgebouwd programma.", tip: "", submitted: false },
  ];
  for (const [index, sheet] of sheets.entries()) {
    const team = teams[index];
    if (!team) break;
    const at = dayAt(-3 + index, "20:15");
    await tx.scoreSheet.create({
      data: {
        juryMemberId: member.id, teamId: team.id, status: sheet.submitted ? "SUBMITTED" : "DRAFT", submittedAt: sheet.submitted ? at : null,
        top: sheet.top, tip: sheet.tip, createdAt: at, updatedAt: at,
        levels: { create: sheet.levels.map((value, i) => ({ criterionId: criteria[i]!, value })) },
      },
    });
  }
  // The entries' video links (the teams handed in a description only).
  const videos = ["https://www.youtube.com/watch?v=grijpers-demo", "https://www.youtube.com/watch?v=peel-robotics-demo", "https://www.youtube.com/watch?v=team-servo-demo"];
  const versions = await tx.submissionVersion.findMany({
    where: { submission: { team: { editionId: robotica.id } } },
    orderBy: [{ submission: { team: { name: "asc" } } }, { number: "asc" }],
    select: { id: true },
  });
  for (const [index, version] of versions.entries()) {
    const videoUrl = videos[index];
    if (videoUrl) await tx.submissionVersion.update({ where: { id: version.id }, data: { videoUrl } });
  }

  // The panel first: its automatic assignment covers the entries so far. De Robotvrienden (below)
  // come after it, so the board's coverage shows an entry that still needs its jurors.
  await seedJudgingPanel(tx, robotica.id);

  // A team of another school, not assigned to Sanne, with whom she declared a conflict.
  const maasdal = await tx.school.findFirst({ where: { brin: "14AB" }, select: { id: true } });
  const category = await tx.editionCategory.findFirst({ where: { editionId: robotica.id }, orderBy: { position: "desc" }, select: { id: true } });
  if (!maasdal || !category) return;
  const registered = dayAt(-100, "11:00");
  const name = "De Robotvrienden";
  const rangers = await tx.team.create({
    data: { editionId: robotica.id, categoryId: category.id, schoolId: maasdal.id, name, nameKey: teamNameKey(name), createdAt: registered, updatedAt: registered },
  });
  const handedIn = dayAt(-16, "16:00");
  await tx.submission.create({
    data: {
      teamId: rangers.id, createdAt: handedIn, updatedAt: handedIn,
      versions: { create: [{ number: 1, description: "Een robot die lege fusten terugrijdt naar de opslag.", videoUrl: null, marketingPlan: null, fileIds: [], submittedById: null, at: handedIn }] },
    },
  });
  await tx.jurorConflict.create({
    data: { juryMemberId: member.id, teamId: rangers.id, kind: "CHILD_IN_TEAM", note: "Mijn zoon Bram zit in dit team.", declaredAt: dayAt(-19, "21:00") },
  });
}
