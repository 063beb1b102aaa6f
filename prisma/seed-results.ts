// Demo data for results (issue 17, points 5–6): the finished Junior Innovation Challenge gets a
// jury of three (accounts with a JUROR role scoped to that edition), a submitted score sheet from
// each juror for each team with a top and a tip (one tip hidden by the board's screening), the
// settings (mean, no normalization, three prize places, the full ranking), the tie-breaks
// published before judging opened, an award, and the publication on the results date. So the
// public results page, the teams' feedback and their certificates have content. Mieke Driessen
// (teacher at the Maasdal College, in the README) sees the feedback of De Vonkenmakers and Team
// Stroomversnelling. Dated relative to the seeding day through the edition's own dates.
import type { Prisma } from "../app/generated/prisma/client";
import { createUser } from "./factories";

type Tx = Prisma.TransactionClient;

const JURORS = [
  { name: "Hans Peeters", email: "hans.peeters@jurynetwerk.example" },
  { name: "Fatima el Amrani", email: "fatima.elamrani@jurynetwerk.example" },
  { name: "Joost Verstegen", email: "joost.verstegen@jurynetwerk.example" },
];

/** Per team (by name): per juror, the levels of the three criteria, a top and a tip. */
const SHEETS: Record<string, Array<{ levels: [number, number, number]; top: string; tip: string; hidden?: boolean }>> = {
  "De Vonkenmakers": [
    { levels: [5, 4, 4], top: "Een verrassend idee: de vonkenvanger past op elke slijptafel.", tip: "Reken uit wat het bedrijf ermee bespaart; dat overtuigt een directeur." },
    { levels: [4, 4, 3], top: "Jullie hebben echt met de mensen op de werkvloer gepraat.", tip: "Oefen de presentatie hardop, dan blijft het verhaal beter hangen." },
    { levels: [4, 5, 4], top: "Het prototype werkte tijdens de demo.", tip: "Wat een waardeloos idee, dit had ik in vijf minuten bedacht.", hidden: true },
  ],
  "Peel Power": [
    { levels: [3, 4, 4], top: "Duidelijke tekeningen op de poster.", tip: "Zoek uit of het idee al bestaat voordat je verder bouwt." },
    { levels: [4, 3, 5], top: "Sterke presentatie: iedereen kwam aan het woord.", tip: "Maak het idee kleiner, dan kan het bedrijf sneller beginnen." },
    { levels: [3, 4, 4], top: "Goede vragen gesteld aan het bedrijf.", tip: "" },
  ],
  "Team Stroomversnelling": [
    { levels: [4, 4, 5], top: "Een goed doordacht plan voor de laadpalen.", tip: "Laat in de presentatie zien wat het kost." },
    { levels: [5, 3, 4], top: "Origineel: niemand had aan de fietsenstalling gedacht.", tip: "Vraag het bedrijf om feedback voordat je het plan afmaakt." },
    { levels: [4, 4, 4], top: "Het team werkte goed samen.", tip: "Gebruik minder tekst op de dia's." },
  ],
  "De Schroefjes": [
    { levels: [5, 3, 5], top: "Wat een vrolijke en duidelijke presentatie!", tip: "Probeer je uitvinding ook eens uit bij de buren." },
    { levels: [4, 3, 5], top: "Het model van karton was heel precies gemaakt.", tip: "Schrijf op welke materialen je nodig hebt." },
    { levels: [5, 4, 4], top: "Een idee waar de hele wijk iets aan heeft.", tip: "" },
  ],
};

const DAY = 86_400_000;

export async function seedResults(tx: Tx, editionId: string): Promise<void> {
  const edition = await tx.edition.findUniqueOrThrow({ where: { id: editionId }, select: { judgingOpensAt: true, judgingClosesAt: true, resultsPublishAt: true } });
  const form = await tx.scoringForm.findFirst({ where: { editionId, categoryId: null }, include: { criteria: { orderBy: { position: "asc" } } } });
  const board = await tx.user.findFirst({ where: { roles: { some: { role: "BOARD" } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!form || form.criteria.length < 3) return;
  const criteria = form.criteria.map((c) => c.id);
  const at = (base: Date, days: number, hours = 0) => new Date(base.getTime() + days * DAY + hours * 3_600_000);

  // The jury accepted before judging opened.
  const members: string[] = [];
  for (const j of JURORS) {
    const user = await createUser(tx, j);
    const joined = at(edition.judgingOpensAt, -10);
    await tx.roleAssignment.create({ data: { userId: user.id, role: "JUROR", editionId, createdAt: joined } });
    const member = await tx.juryMember.create({ data: { editionId, email: j.email, name: j.name, userId: user.id, createdAt: joined, createdById: board?.id ?? null } });
    members.push(member.id);
  }

  const teams = await tx.team.findMany({ where: { editionId, status: "REGISTERED" }, select: { id: true, name: true } });
  for (const team of teams) {
    const sheets = SHEETS[team.name];
    if (!sheets) continue;
    for (const [i, sheet] of sheets.entries()) {
      const memberId = members[i]!;
      const scoredAt = at(edition.judgingOpensAt, 3 + i, 20);
      await tx.juryAssignment.create({ data: { juryMemberId: memberId, teamId: team.id, source: "AUTOMATIC", createdAt: at(edition.judgingOpensAt, -1), createdById: board?.id ?? null } });
      await tx.scoreSheet.create({
        data: {
          juryMemberId: memberId, teamId: team.id, status: "SUBMITTED", submittedAt: scoredAt, top: sheet.top, tip: sheet.tip, tipHidden: sheet.hidden ?? false,
          createdAt: scoredAt, updatedAt: scoredAt,
          levels: { create: sheet.levels.map((value, c) => ({ criterionId: criteria[c]!, value })) },
        },
      });
    }
  }

  // Tie-breaks published before judging opened: originality first, then the jury's majority, then a shared place.
  await tx.judgingTieBreak.createMany({
    data: [
      { editionId, position: 0, kind: "CRITERION", criterionId: criteria[0]! },
      { editionId, position: 1, kind: "JURY_MAJORITY" },
      { editionId, position: 2, kind: "SHARED" },
    ],
  });
  const schroefjes = teams.find((t) => t.name === "De Schroefjes");
  await tx.judgingAward.create({ data: { editionId, name: "Beste idee voor de wijk", teamId: schroefjes?.id ?? null, position: 0, createdAt: at(edition.judgingClosesAt, 1) } });
  await tx.judgingSettings.create({
    data: {
      editionId, aggregation: "MEAN", normalize: false, prizePlaces: 3, resultsScope: "FULL_RANKING",
      tieBreaksPublishedAt: at(edition.judgingOpensAt, -5), tipsScreenedAt: at(edition.judgingClosesAt, 2),
      publishedAt: edition.resultsPublishAt, publishedById: board?.id ?? null, updatedAt: edition.resultsPublishAt,
    },
  });
}
