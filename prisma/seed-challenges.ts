// Demo data for the challenges capability (issue 8): three challenges with an edition each, the
// categories, the data agreement of the Maasdal College (not of the Peelland Techniek College),
// one open teacher request at Peelland, and a person without a role (the browser test lets them
// ask to become a teacher). The schools and their people are made by seed.ts before this runs.
import type { Prisma } from "../app/generated/prisma/client";
import { teamNameKey } from "../app/modules/challenges/teams";
import { fromAmsterdamTime } from "../app/utils/format";
import { createUser } from "./factories";

type Tx = Prisma.TransactionClient;

const at = (date: string, time = "00:00") => fromAmsterdamTime(date, time)!;

const VMBO = [
  { name: "Vmbo BB/KB", schoolType: "VMBO" as const },
  { name: "Vmbo GL/TL", schoolType: "VMBO" as const },
];
const PRIMARY = { name: "Basisschool", schoolType: "PRIMARY" as const };

const CHALLENGES = [
  {
    slug: "young-solar-challenge",
    name: "Young Solar Challenge",
    national: true,
    description:
      "Teams van vmbo-leerlingen bouwen een boot op zonne-energie en varen ermee tegen teams uit het hele land. Naast de boot schrijft elk team een marketingplan. De stichting regelt het bouwpakket, het vervoer naar de wedstrijd en de begeleiders.",
    edition: {
      year: 2027,
      categories: VMBO,
      marketingPlan: true,
      helpersAllowed: false,
      minTeamSize: 3,
      maxTeamSize: 6,
      dates: [at("2026-11-01", "09:00"), at("2027-02-01", "23:59"), at("2027-05-15", "17:00"), at("2027-05-20", "09:00"), at("2027-06-05", "17:00"), at("2027-06-12", "12:00")],
    },
  },
  {
    slug: "tech-challenge",
    name: "Tech Challenge",
    national: false,
    description:
      "Leerlingen van groep 7 en 8 bedenken en bouwen een technische oplossing voor een echt probleem uit hun buurt. Vmbo-leerlingen van andere scholen helpen de teams als coach.",
    edition: {
      year: 2027,
      categories: [PRIMARY],
      marketingPlan: false,
      helpersAllowed: true,
      minTeamSize: 2,
      maxTeamSize: 5,
      dates: [at("2027-01-10", "09:00"), at("2027-03-01", "23:59"), at("2027-04-20", "17:00"), at("2027-04-25", "09:00"), at("2027-05-10", "17:00"), at("2027-05-15", "12:00")],
    },
  },
  {
    slug: "junior-innovation-challenge",
    name: "Junior Innovation Challenge",
    national: false,
    description:
      "Teams bedenken een innovatie voor een bedrijf uit de regio en presenteren die aan een jury van aangesloten bedrijven.",
    edition: {
      year: 2026,
      categories: [PRIMARY, ...VMBO],
      marketingPlan: false,
      helpersAllowed: false,
      minTeamSize: 2,
      maxTeamSize: 5,
      dates: [at("2026-01-12", "09:00"), at("2026-02-27", "23:59"), at("2026-04-17", "17:00"), at("2026-04-20", "09:00"), at("2026-05-08", "17:00"), at("2026-05-22", "12:00")],
    },
  },
];

/** Teams of the finished Junior Innovation Challenge 2026 (team names only are public). */
const JUNIOR_TEAMS: Array<[name: string, category: string, school: string]> = [
  ["De Vonkenmakers", "Vmbo BB/KB", "14AB"],
  ["Team Stroomversnelling", "Vmbo GL/TL", "14AB"],
  ["De Schroefjes", "Basisschool", "07EF"],
  ["Peel Power", "Vmbo BB/KB", "20CD"],
];

export async function seedChallenges(tx: Tx): Promise<void> {
  const created = new Date("2026-09-01T08:00:00Z");
  const editions = new Map<string, { id: string; categories: Map<string, string> }>();
  for (const c of CHALLENGES) {
    const challenge = await tx.challenge.create({
      data: { slug: c.slug, name: c.name, description: c.description, national: c.national, createdAt: created, updatedAt: created },
    });
    const [registrationOpensAt, registrationClosesAt, submissionDeadline, judgingOpensAt, judgingClosesAt, resultsPublishAt] = c.edition.dates as [Date, Date, Date, Date, Date, Date];
    const edition = await tx.edition.create({
      data: {
        challengeId: challenge.id,
        year: c.edition.year,
        name: `${c.name} ${c.edition.year}`,
        slug: `${c.slug}-${c.edition.year}`,
        registrationOpensAt,
        registrationClosesAt,
        submissionDeadline,
        judgingOpensAt,
        judgingClosesAt,
        resultsPublishAt,
        minTeamSize: c.edition.minTeamSize,
        maxTeamSize: c.edition.maxTeamSize,
        marketingPlan: c.edition.marketingPlan,
        helpersAllowed: c.edition.helpersAllowed,
        createdAt: created,
        updatedAt: created,
        categories: { create: c.edition.categories.map((cat, position) => ({ ...cat, position })) },
      },
      include: { categories: true },
    });
    editions.set(c.slug, { id: edition.id, categories: new Map(edition.categories.map((cat) => [cat.name, cat.id])) });
  }

  // Sponsors shown on the public edition pages: three companies of the network.
  const sponsors = await tx.company.findMany({ where: { status: "ACTIVE" }, orderBy: { name: "asc" }, take: 3, select: { id: true } });
  const sponsorRows: [string, number, string | null][] = [
    ["young-solar-challenge", 0, "Hoofdsponsor"],
    ["young-solar-challenge", 1, "Sponsor van de zonnepanelen"],
    ["tech-challenge", 2, null],
  ];
  for (const [slug, index, label] of sponsorRows) {
    const edition = editions.get(slug);
    const company = sponsors[index];
    if (edition && company) await tx.editionSponsor.create({ data: { editionId: edition.id, companyId: company.id, label, createdAt: created } });
  }

  const schools = new Map((await tx.school.findMany({ select: { id: true, brin: true } })).map((s) => [s.brin, s.id]));
  const junior = editions.get("junior-innovation-challenge")!;
  for (const [name, category, brin] of JUNIOR_TEAMS) {
    const schoolId = schools.get(brin);
    const categoryId = junior.categories.get(category);
    if (!schoolId || !categoryId) continue;
    await tx.team.create({
      data: { editionId: junior.id, categoryId, schoolId, name, nameKey: teamNameKey(name), createdAt: at("2026-02-10", "10:00"), updatedAt: at("2026-02-10", "10:00") },
    });
  }

  // The Maasdal College signed the data agreement; the Peelland Techniek College has not yet.
  const board = await tx.user.findFirst({ where: { roles: { some: { role: "BOARD" } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const maasdal = schools.get("14AB");
  if (maasdal) {
    await tx.school.update({
      where: { id: maasdal },
      data: { agreementSignedOn: at("2026-09-15"), agreementRecordedAt: at("2026-09-16", "10:30"), agreementRecordedById: board?.id ?? null },
    });
  }
  const peelland = schools.get("20CD");
  if (peelland) {
    const asker = await createUser(tx, { name: "Kim Verheijen", email: "kim.verheijen@peellandtechniekcollege.example" });
    await tx.teacherRequest.create({ data: { schoolId: peelland, userId: asker.id, createdAt: at("2026-11-20", "14:12") } });
  }
  // Someone who has just signed up and holds no role yet (asks to become a teacher in the browser test).
  await createUser(tx, { name: "Lars Jacobs", email: "lars.jacobs@maasdalcollege.example" });
}
