// Demo data for the challenges capability (issue 8): four challenges with an edition each, dated
// relative to the seeding day (prisma/seed-dates.ts) so that every phase has an edition: the Young
// Solar Challenge has registration open, the Tech Challenge is building (registration closed,
// submissions open), the Robotica Challenge is being judged and the Junior Innovation Challenge
// has its results. Also the categories, the data agreement of the Maasdal College (not of the Peelland Techniek College),
// one open teacher request at Peelland, and a person without a role (the browser test lets them
// ask to become a teacher). The schools and their people are made by seed.ts before this runs.
import type { Prisma } from "../app/generated/prisma/client";
import { teamNameKey } from "../app/modules/challenges/teams";
import { createUser } from "./factories";
import { amsterdamYear, dayAt } from "./seed-dates";

type Tx = Prisma.TransactionClient;

/**
 * An edition's six dates, in days from the seeding day: registration opens and closes, the
 * submission deadline, judging opens and closes, results published.
 */
type Offsets = [opens: number, closes: number, deadline: number, judgingOpens: number, judgingCloses: number, results: number];
const TIMES = ["09:00", "23:59", "17:00", "09:00", "17:00", "12:00"] as const;
const editionDates = (offsets: Offsets) => offsets.map((days, i) => dayAt(days, TIMES[i])) as [Date, Date, Date, Date, Date, Date];

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
      // Registration open: opened five weeks ago, closes in eight weeks.
      categories: VMBO,
      marketingPlan: true,
      helpersAllowed: false,
      minTeamSize: 3,
      maxTeamSize: 6,
      offsets: [-36, 56, 160, 165, 181, 188] as Offsets,
    },
  },
  {
    slug: "tech-challenge",
    name: "Tech Challenge",
    national: false,
    description:
      "Leerlingen van groep 7 en 8 bedenken en bouwen een technische oplossing voor een echt probleem uit hun buurt. Vmbo-leerlingen van andere scholen helpen de teams als coach.",
    edition: {
      // Building: registration closed ten days ago, submissions close in four weeks.
      categories: [PRIMARY],
      marketingPlan: false,
      helpersAllowed: true,
      minTeamSize: 2,
      maxTeamSize: 5,
      offsets: [-70, -10, 28, 33, 47, 54] as Offsets,
    },
  },
  {
    slug: "junior-innovation-challenge",
    name: "Junior Innovation Challenge",
    national: false,
    description:
      "Teams bedenken een innovatie voor een bedrijf uit de regio en presenteren die aan een jury van aangesloten bedrijven.",
    edition: {
      // Finished: results published more than half a year ago.
      categories: [PRIMARY, ...VMBO],
      marketingPlan: false,
      helpersAllowed: false,
      minTeamSize: 2,
      maxTeamSize: 5,
      offsets: [-330, -284, -235, -232, -214, -200] as Offsets,
    },
  },
  {
    slug: "robotica-challenge",
    name: "Robotica Challenge",
    national: false,
    description:
      "Vmbo-teams programmeren een robot die een opdracht van een bedrijf uit de regio uitvoert. Een jury van aangesloten bedrijven beoordeelt de robots en de uitleg van het team.",
    edition: {
      // Judging: submissions closed two weeks ago, the jury scores until next week.
      categories: VMBO,
      marketingPlan: false,
      helpersAllowed: false,
      minTeamSize: 2,
      maxTeamSize: 4,
      offsets: [-120, -60, -14, -10, 7, 14] as Offsets,
    },
  },
];

/** Teams of the finished Junior Innovation Challenge (team names only are public). */
const JUNIOR_TEAMS: Array<[name: string, category: string, school: string]> = [
  ["De Vonkenmakers", "Vmbo BB/KB", "14AB"],
  ["Team Stroomversnelling", "Vmbo GL/TL", "14AB"],
  ["De Schroefjes", "Basisschool", "07EF"],
  ["Peel Power", "Vmbo BB/KB", "20CD"],
];

/** Teams (names only) that handed in, in the building Tech Challenge and the judged Robotica Challenge. */
const HANDED_IN: Array<[challenge: string, name: string, category: string, school: string, description: string | null]> = [
  ["tech-challenge", "De Uitvinders", "Basisschool", "07EF", "Een slimme regenton die de tuin van de buurt water geeft als het lang droog is."],
  ["tech-challenge", "Team Fietslicht", "Basisschool", "07EF", null],
  ["robotica-challenge", "Peel Robotics", "Vmbo BB/KB", "20CD", "Onze robot sorteert schroeven op lengte met een lopende band en een camera."],
  ["robotica-challenge", "De Grijpers", "Vmbo GL/TL", "20CD", "Een grijparm die kratten met paprika's stapelt, bestuurd met een micro:bit."],
  ["robotica-challenge", "Team Servo", "Vmbo GL/TL", "20CD", "Een robot die de kas rondrijdt en meldt waar de grond te droog is."],
];

export async function seedChallenges(tx: Tx): Promise<void> {
  const created = dayAt(-400, "10:00");
  const editions = new Map<string, { id: string; opensAt: Date; closesAt: Date; categories: Map<string, string> }>();
  for (const c of CHALLENGES) {
    const challenge = await tx.challenge.create({
      data: { slug: c.slug, name: c.name, description: c.description, national: c.national, createdAt: created, updatedAt: created },
    });
    const [registrationOpensAt, registrationClosesAt, submissionDeadline, judgingOpensAt, judgingClosesAt, resultsPublishAt] = editionDates(c.edition.offsets);
    // An edition is named by the year its results are published.
    const year = amsterdamYear(resultsPublishAt);
    const edition = await tx.edition.create({
      data: {
        challengeId: challenge.id,
        year,
        name: `${c.name} ${year}`,
        slug: `${c.slug}-${year}`,
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
    editions.set(c.slug, { id: edition.id, opensAt: registrationOpensAt, closesAt: submissionDeadline, categories: new Map(edition.categories.map((cat) => [cat.name, cat.id])) });
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
      data: { editionId: junior.id, categoryId, schoolId, name, nameKey: teamNameKey(name), createdAt: dayAt(-310), updatedAt: dayAt(-310) },
    });
  }

  // Teams that handed in: a version by their school's first teacher a few days after registering.
  for (const [slug, name, category, brin, description] of HANDED_IN) {
    const edition = editions.get(slug);
    const schoolId = schools.get(brin);
    const categoryId = edition?.categories.get(category);
    if (!edition || !schoolId || !categoryId) continue;
    const registered = new Date(edition.opensAt.getTime() + 9 * 86_400_000);
    const teacher = await tx.roleAssignment.findFirst({ where: { role: "TEACHER", schoolId }, orderBy: { createdAt: "asc" }, select: { userId: true } });
    const team = await tx.team.create({
      data: {
        editionId: edition.id, categoryId, schoolId, name, nameKey: teamNameKey(name), createdById: teacher?.userId ?? null, createdAt: registered, updatedAt: registered,
        ...(teacher ? { coaches: { create: [{ userId: teacher.userId }] } } : {}),
      },
    });
    if (!description) continue;
    // Handed in a day before the deadline, or yesterday when the deadline is still ahead.
    const handedIn = new Date(Math.min(edition.closesAt.getTime(), dayAt(0).getTime()) - 86_400_000);
    await tx.submission.create({
      data: {
        teamId: team.id, createdAt: handedIn, updatedAt: handedIn,
        versions: { create: [{ number: 1, description, videoUrl: null, marketingPlan: null, fileIds: [], submittedById: teacher?.userId ?? null, at: handedIn }] },
      },
    });
  }

  // The Maasdal College signed the data agreement; the Peelland Techniek College has not yet.
  const board = await tx.user.findFirst({ where: { roles: { some: { role: "BOARD" } } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const maasdal = schools.get("14AB");
  if (maasdal) {
    await tx.school.update({
      where: { id: maasdal },
      data: { agreementSignedOn: dayAt(-80, "00:00"), agreementRecordedAt: dayAt(-79, "10:30"), agreementRecordedById: board?.id ?? null },
    });
  }
  const peelland = schools.get("20CD");
  if (peelland) {
    const asker = await createUser(tx, { name: "Kim Verheijen", email: "kim.verheijen@peellandtechniekcollege.example" });
    await tx.teacherRequest.create({ data: { schoolId: peelland, userId: asker.id, createdAt: dayAt(-17, "14:12") } });
  }
  // Someone who has just signed up and holds no role yet (asks to become a teacher in the browser test).
  await createUser(tx, { name: "Lars Jacobs", email: "lars.jacobs@maasdalcollege.example" });
}
