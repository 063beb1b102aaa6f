// Believable, fictional demo data for the embedded default (and `npm run db:seed`).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type CompanyStatus, type Prisma } from "../app/generated/prisma/client";
import { schoolYearBounds, schoolYearLabel, schoolYearOf } from "../app/modules/companies/school-year";
import { nextInvoiceNumber } from "../app/modules/payments/payments.server";
import { now } from "../app/utils/clock.server";
import { randomToken } from "../app/utils/crypto.server";
import { toDateInputValue } from "../app/utils/format";
import { assignRole, createCompany, createSchool, createUser } from "./factories";
import { seedChallenges } from "./seed-challenges";
import { seedJudging } from "./seed-judging";
import { seedSubmissions } from "./seed-submissions";
import { seedTeams } from "./seed-teams";

const COMPANIES: Array<[name: string, sector: string, city: string, contacts: string[]]> = [
  ["Van der Linden Installatietechniek", "Installatietechniek", "Venlo", ["Marieke van der Linden"]],
  ["Maasbouw Aannemers", "Bouw", "Roermond", ["Henk Janssen", "Sanne Peeters"]],
  ["Peel Precisie Metaal", "Metaalbewerking", "Helden", ["Ruud Verstappen"]],
  ["Kessels Elektrotechniek", "Elektrotechniek", "Venray", ["Anouk Kessels"]],
  ["Limburgse Kassenbouw", "Agrotechniek", "Horst", ["Tom Hendrix"]],
  ["Noordpool Logistiek", "Logistiek", "Venlo", ["Fatima el Amrani"]],
  ["Greenport Automatisering", "ICT en automatisering", "Venlo", ["Bas Wijnen", "Lotte Gommans"]],
  ["Heldense Houtbewerking", "Hout en meubel", "Helden", ["Jan Smeets"]],
  ["Roerdal Mobiliteit", "Motorvoertuigentechniek", "Roermond", ["Karin Thijssen"]],
  ["Zonnepark Peelland", "Duurzame energie", "Meijel", ["Mohamed Bouzid"]],
  ["Maas & Co Laswerken", "Metaalbewerking", "Tegelen", ["Gerrit Willems"]],
  ["Schreurs Koudetechniek", "Installatietechniek", "Venray", ["Linda Schreurs"]],
  ["Kunststoffen Blerick", "Procestechniek", "Venlo", ["Pieter Cox"]],
  ["Brightlands Robotica", "Mechatronica", "Venlo", ["Eva Linders"]],
  ["De Vries Schilders", "Afbouw", "Baarlo", ["Koen de Vries"]],
  ["Tuinbouw Techniek Grubbenvorst", "Agrotechniek", "Grubbenvorst", ["Ilse Keijsers"]],
  ["Midden-Limburg Elektra", "Elektrotechniek", "Weert", ["Stefan Geraats"]],
  ["Printwerk Venlo", "Media en vormgeving", "Venlo", ["Yara Mertens"]],
  ["Vos Voedingstechnologie", "Voedingsmiddelen", "Venray", ["Daan Vos"]],
  ["Rijnbeek Bouwinstallaties", "Installatietechniek", "Panningen", ["Nadia Rijnbeek"]],
];

const SCHOOLS = [
  { name: "Maasdal College", brin: "14AB", vestiging: "00", city: "Venlo", type: "VMBO" as const,
    contact: "Ellen Hermans", teachers: ["Rob Kurvers", "Mieke Driessen"] },
  { name: "Peelland Techniek College", brin: "20CD", vestiging: "01", city: "Venray", type: "VMBO" as const,
    contact: "Frank Lenders", teachers: ["Saskia Poels"] },
  { name: "Basisschool De Zonnewijzer", brin: "07EF", vestiging: "00", city: "Blerick", type: "PRIMARY" as const,
    contact: "Ingrid Timmermans", teachers: ["Joost Arts"] },
];

const BOARD = ["Annemiek Gielen", "Wim Claessens", "Paul Beurskens"];

const emailFor = (name: string, domain: string) =>
  `${name.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "")}@${domain}`;

const domainFor = (name: string) => `${name.toLowerCase().replace(/&/g, "en").replace(/[^a-z0-9]+/g, "")}.example`;

export async function seed(client: PrismaClient): Promise<void> {
  await client.$transaction(async (tx) => {
    const companyIds: string[] = [];
    for (const name of BOARD) {
      const user = await createUser(tx, { name, email: emailFor(name, "vriendenvanhetmaasdal.example") });
      await assignRole(tx, user.id, "BOARD");
    }
    for (const [name, sector, city, contacts] of COMPANIES) {
      const company = await createCompany(tx, { name, sector, city, website: `https://www.${domainFor(name)}` });
      companyIds.push(company.id);
      for (const contact of contacts) {
        const user = await createUser(tx, { name: contact, email: emailFor(contact, domainFor(name)) });
        await assignRole(tx, user.id, "COMPANY_CONTACT", { companyId: company.id });
      }
    }
    for (const s of SCHOOLS) {
      const school = await createSchool(tx, { name: s.name, brin: s.brin, vestiging: s.vestiging, city: s.city, type: s.type });
      const domain = domainFor(s.name);
      const contact = await createUser(tx, { name: s.contact, email: emailFor(s.contact, domain) });
      await assignRole(tx, contact.id, "SCHOOL_CONTACT", { schoolId: school.id });
      for (const teacher of s.teachers) {
        const user = await createUser(tx, { name: teacher, email: emailFor(teacher, domain) });
        await assignRole(tx, user.id, "TEACHER", { schoolId: school.id });
      }
    }
    // One person with several roles: board member and teacher at the Maasdal College.
    const multi = await tx.user.findFirstOrThrow({ where: { name: "Rob Kurvers" } });
    await assignRole(tx, multi.id, "BOARD");
    await seedNetwork(tx, companyIds);
    // Challenges: editions, then teams with pupils and consent, then submissions, then judging.
    await seedChallenges(tx);
    await seedTeams(tx);
    await seedSubmissions(tx);
    await seedJudging(tx);
  }, { maxWait: 20_000, timeout: 120_000 });
}

// ---------------------------------------------------------------------------------------------
// The network: the foundation's settings, tiers, school years, each company's place, contacts,
// contribution invoices (numbered from the real gap-free sequence) and the request register.

type Tx = Prisma.TransactionClient;

const DAY = 24 * 60 * 60 * 1000;

const TIERS = [
  { name: "Vriend", amountCents: 25_000, benefits: "Vermelding op de website\nUitnodiging voor de netwerkbijeenkomsten" },
  { name: "Goede Vriend", amountCents: 50_000, benefits: "Alles van Vriend\nLogo op de sponsorwand\nVoorrang bij bedrijfsopdrachten" },
  { name: "Hoofdvriend", amountCents: 100_000, benefits: "Alles van Goede Vriend\nNaamsvermelding bij de Tech Challenge\nJaaroverzicht met de leerlingen die u bereikte" },
];

/**
 * Per company (same order as COMPANIES): status, tier, and this year's contribution:
 * paid online / by transfer, open (days since the invoice), waived, or none.
 */
type ThisYear = "stripe" | "transfer" | "waived" | { open: number; reminded?: boolean } | null;
const PLACES: Array<[status: CompanyStatus, tier: 0 | 1 | 2, thisYear: ThisYear, po?: string]> = [
  ["ACTIVE", 1, { open: 10 }, "PO-2026-0142"], // Van der Linden: pays in the browser test
  ["ACTIVE", 2, "stripe"],
  ["ACTIVE", 0, "transfer"],
  ["ACTIVE", 1, { open: 40, reminded: true }], // Kessels: overdue, reminded after 30 days
  ["ACTIVE", 0, "stripe"],
  ["GRACE", 0, { open: 45, reminded: true }],
  ["ACTIVE", 2, "stripe", "4500012345"],
  ["GRACE", 0, { open: 50, reminded: true }],
  ["ACTIVE", 1, "transfer"],
  ["ACTIVE", 0, { open: 20 }],
  ["ENDED", 0, null],
  ["ACTIVE", 1, "stripe"],
  ["ACTIVE", 0, "stripe"],
  ["ACTIVE", 2, "transfer"],
  ["ACTIVE", 0, "stripe"],
  ["ACTIVE", 1, "stripe"],
  ["APPLIED", 0, null],
  ["APPLIED", 1, null],
  ["REJECTED", 0, null],
  ["ACTIVE", 0, "waived"],
];

/** Whole months since the school year began on 1 August (0 in August, 11 in July). */
function monthsIntoSchoolYear(at: Date): number {
  const month = Number(toDateInputValue(at).slice(5, 7));
  return (month + 12 - 8) % 12;
}

const STREETS = ["Industrieweg", "Celsiusweg", "Handelsstraat", "Edisonstraat", "Venrayseweg", "Zeesweg", "Ampèrestraat", "Spoorstraat"];

async function seedNetwork(tx: Tx, companyIds: string[]): Promise<void> {
  const at = now();
  const board = await tx.user.findFirstOrThrow({ where: { name: BOARD[0] } });
  await tx.foundationSettings.create({
    data: {
      id: "foundation",
      name: "Stichting Vrienden van het Maasdal College",
      address: "Maasboulevard 12",
      postcode: "5911 AB",
      city: "Venlo",
      kvkNumber: "87654321",
      vatNumber: null,
      vatExemptionReason: "Vrijgesteld van btw: de jaarbijdrage is een bijdrage aan een stichting zonder winstoogmerk (geen tegenprestatie).",
      iban: "NL91 ABNA 0417 1643 00",
      email: "penningmeester@vriendenvanhetmaasdal.example",
      contributionVatMode: "EXEMPT",
      contributionVatRateBp: 0,
      // Half a school year of grace (until 1 February); seeded later in the school year, a whole
      // one (until 1 August), so the demo's GRACE companies are not ended by the first daily run.
      graceMonths: monthsIntoSchoolYear(at) < 5 ? 6 : 12,
      paymentTermDays: 30,
      invoiceMonth: 9,
      invoiceDay: 1,
      reminderDays: [30, 60],
      updatedAt: at,
    },
  });
  const tiers = [];
  for (const [position, tier] of TIERS.entries()) {
    tiers.push(await tx.contributionTier.create({ data: { ...tier, position, createdAt: at, updatedAt: at } }));
  }
  const currentStart = schoolYearOf(at);
  const years = [];
  for (const startYear of [currentStart - 1, currentStart]) {
    years.push(await tx.schoolYear.create({ data: { startYear, ...schoolYearBounds(startYear) } }));
  }
  const [previous, current] = years as [(typeof years)[number], (typeof years)[number]];
  // This year's invoices went out on 1 September (or, early in the school year, twelve days ago,
  // so that the ones paid nine days later are paid by now). Open ones are dated `days` ago.
  const invoiceDay = new Date(Math.min(current.startsOn.getTime() + 31 * DAY + 6 * 3_600_000, at.getTime() - 12 * DAY));
  const daysAgo = (days: number) => new Date(at.getTime() - days * DAY);
  const previousDay = new Date(previous.startsOn.getTime() + 31 * DAY + 6 * 3_600_000);

  const companies = await tx.company.findMany({
    where: { id: { in: companyIds } },
    include: { roles: { include: { user: true } } },
  });
  const byId = new Map(companies.map((c) => [c.id, c]));
  const seller = {
    name: "Stichting Vrienden van het Maasdal College",
    address: "Maasboulevard 12",
    postcode: "5911 AB",
    city: "Venlo",
    kvkNumber: "87654321",
    vatNumber: null,
    vatExemptionReason: "Vrijgesteld van btw: de jaarbijdrage is een bijdrage aan een stichting zonder winstoogmerk (geen tegenprestatie).",
    iban: "NL91 ABNA 0417 1643 00",
    email: "penningmeester@vriendenvanhetmaasdal.example",
  };

  type InvoiceSpec = {
    companyId: string;
    year: typeof current;
    issuedAt: Date;
    tier: (typeof tiers)[number];
    outcome: "stripe" | "transfer" | "waived" | "open";
    reminded?: boolean;
    po?: string;
    buyer: Prisma.InputJsonObject;
  };
  const specs: InvoiceSpec[] = [];

  for (const [i, id] of companyIds.entries()) {
    const company = byId.get(id)!;
    const [status, tierIndex, thisYear, po] = PLACES[i]!;
    const tier = tiers[tierIndex]!;
    const [name, , city, contacts] = COMPANIES[i]!;
    const domain = domainFor(name);
    const address = `${STREETS[i % STREETS.length]} ${3 + i * 7}`;
    const postcode = `59${String(10 + i).padStart(2, "0")} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(66 + ((i * 3) % 24))}`;
    const billingEmail = `administratie@${domain}`;
    const appliedAt = status === "APPLIED" ? new Date(at.getTime() - (3 + i) * DAY) : new Date(previous.startsOn.getTime() - (40 + i * 9) * DAY);
    const decided = status === "APPLIED" ? null : new Date(appliedAt.getTime() + 12 * DAY);
    await tx.company.update({
      where: { id },
      data: {
        status,
        statusChangedAt: decided,
        tierId: status === "REJECTED" ? null : tier.id,
        appliedAt,
        decidedAt: decided,
        rejectionReason: status === "REJECTED" ? "Het bedrijf heeft geen technische activiteiten in de regio; we verwijzen graag naar het ondernemersnetwerk." : null,
        kvkNumber: String(14_000_000 + i * 131_071).padStart(8, "0"),
        vatNumber: `NL${String(800_000_000 + i * 7_919).padStart(9, "0")}B01`,
        description: `${name} is een ${company.sector?.toLowerCase() ?? "technisch"} bedrijf in ${city} en Vriend van het Maasdal College.`,
        invoiceAddress: address,
        invoicePostcode: postcode,
        invoiceCity: city,
        invoiceAttention: i % 3 === 0 ? "Crediteurenadministratie" : contacts[0]!,
        billingEmail,
        poNumber: po ?? null,
      },
    });
    for (const [n, contactName] of contacts.entries()) {
      const user = company.roles.find((r) => r.user.name === contactName)?.user;
      await tx.companyContact.create({
        data: {
          companyId: id,
          name: contactName,
          email: user?.email ?? emailFor(contactName, domain),
          phone: `077-${String(3_200_000 + i * 1_117 + n).slice(0, 7)}`,
          jobTitle: n === 0 ? "Directeur" : "HR-adviseur",
          userId: user?.id ?? null,
          createdAt: appliedAt,
        },
      });
    }
    await tx.companyStatusChange.create({ data: { companyId: id, fromStatus: null, toStatus: "APPLIED", at: appliedAt, actorId: null } });
    if (decided) {
      const first = status === "REJECTED" ? "REJECTED" : "APPROVED";
      await tx.companyStatusChange.create({ data: { companyId: id, fromStatus: "APPLIED", toStatus: first, at: decided, actorId: board.id } });
      if (first === "APPROVED") {
        await tx.companyStatusChange.create({ data: { companyId: id, fromStatus: "APPROVED", toStatus: "ACTIVE", at: new Date(decided.getTime() + 9 * DAY), actorId: null } });
      }
      if (status === "GRACE") {
        await tx.companyStatusChange.create({ data: { companyId: id, fromStatus: "ACTIVE", toStatus: "GRACE", at: invoiceDay, actorId: null, reason: "nieuw schooljaar, jaarbijdrage nog niet betaald" } });
      }
      if (status === "ENDED") {
        await tx.companyStatusChange.create({ data: { companyId: id, fromStatus: "ACTIVE", toStatus: "ENDED", at: new Date(Math.min(current.startsOn.getTime() + 3 * DAY, at.getTime() - DAY)), actorId: board.id, reason: "Het bedrijf stopt met het netwerk (bedrijfsovername)." } });
      }
    }

    const buyer = {
      name,
      address,
      postcode,
      city,
      attention: i % 3 === 0 ? "Crediteurenadministratie" : contacts[0]!,
      kvkNumber: String(14_000_000 + i * 131_071).padStart(8, "0"),
      vatNumber: `NL${String(800_000_000 + i * 7_919).padStart(9, "0")}B01`,
      billingEmail,
    };
    if (status === "ACTIVE" || status === "GRACE" || status === "ENDED") {
      specs.push({ companyId: id, year: previous, issuedAt: new Date(previousDay.getTime() + i * 60_000), tier, outcome: i % 2 ? "transfer" : "stripe", buyer });
    }
    if (thisYear) {
      const open = typeof thisYear === "object";
      specs.push({
        companyId: id,
        year: current,
        issuedAt: open ? daysAgo(thisYear.open) : new Date(invoiceDay.getTime() + i * 60_000),
        tier,
        outcome: open ? "open" : thisYear,
        reminded: open ? thisYear.reminded : false,
        po,
        buyer,
      });
    }
  }

  // Numbers in the order the invoices were made, from the same gap-free sequence the app uses.
  specs.sort((a, b) => a.issuedAt.getTime() - b.issuedAt.getTime());
  for (const spec of specs) {
    const paidAt = spec.outcome === "open" || spec.outcome === "waived" ? null : new Date(spec.issuedAt.getTime() + 9 * DAY);
    const invoice = await tx.invoice.create({
      data: {
        number: await nextInvoiceNumber(tx, spec.issuedAt),
        companyId: spec.companyId,
        schoolYearId: spec.year.id,
        kind: "CONTRIBUTION",
        status: spec.outcome === "open" ? "OPEN" : spec.outcome === "waived" ? "WAIVED" : "PAID",
        description: `Jaarbijdrage ${schoolYearLabel(spec.year.startYear)} – ${spec.tier.name}`,
        poNumber: spec.po ?? null,
        periodStart: spec.year.startsOn,
        periodEnd: spec.year.endsOn,
        issuedAt: spec.issuedAt,
        dueAt: new Date(spec.issuedAt.getTime() + 30 * DAY),
        netCents: spec.tier.amountCents,
        vatMode: "EXEMPT",
        vatRateBp: 0,
        vatCents: 0,
        totalCents: spec.tier.amountCents,
        seller,
        buyer: spec.buyer,
        accessToken: randomToken(32),
        paidAt,
        settledVia: spec.outcome === "stripe" ? "STRIPE" : spec.outcome === "transfer" ? "TRANSFER" : spec.outcome === "waived" ? "WAIVED" : null,
        transferDate: spec.outcome === "transfer" ? paidAt : null,
        transferReference: spec.outcome === "transfer" ? `Jaarbijdrage ${schoolYearLabel(spec.year.startYear)} / ${spec.buyer.name}` : null,
        waivedReason: spec.outcome === "waived" ? "Eerste jaar kwijtgescholden: het bedrijf leverde de materialen voor de Tech Challenge." : null,
        settledById: spec.outcome === "transfer" || spec.outcome === "waived" ? board.id : null,
        createdAt: spec.issuedAt,
        updatedAt: paidAt ?? spec.issuedAt,
      },
    });
    if (spec.reminded) {
      await tx.invoiceReminder.create({
        data: { invoiceId: invoice.id, step: 30, sentAt: new Date(spec.issuedAt.getTime() + 30 * DAY), toAddress: String(spec.buyer.billingEmail) },
      });
    }
  }

  // The request register: who asked which company what, and the answer.
  const requests: Array<[company: number, kind: "INTERNSHIP" | "VISIT" | "CASE" | "SPONSORING" | "JURY" | "MEETING", subject: string, daysAgo: number, status: "OPEN" | "YES" | "NO", answer: string | null]> = [
    [0, "INTERNSHIP", "Twee stageplaatsen BWI (leerjaar 3) in het voorjaar", 70, "YES", "Ja, twee plaatsen vanaf februari; contact via Marieke."],
    [0, "JURY", "Jurylid voor de Tech Challenge", 25, "OPEN", null],
    [1, "VISIT", "Bedrijfsbezoek bouwplaats voor 2 klassen", 60, "YES", "Graag, in de week na de herfstvakantie."],
    [2, "CASE", "Bedrijfsopdracht voor de Atelier-route", 45, "NO", "Dit jaar niet: te weinig begeleiding beschikbaar. Volgend schooljaar graag."],
    [3, "SPONSORING", "Sponsoring van de materialen voor de Tech Challenge", 30, "YES", "We sponsoren het materiaal voor 6 teams."],
    [6, "MEETING", "Presentatie op de netwerkbijeenkomst", 15, "OPEN", null],
    [13, "JURY", "Jurylid voor de robotica-manche", 12, "YES", "Eva Linders neemt plaats in de jury."],
  ];
  for (const [index, kind, subject, days, status, answer] of requests) {
    const askedAt = new Date(at.getTime() - days * DAY);
    await tx.companyRequest.create({
      data: {
        companyId: companyIds[index]!,
        kind,
        subject,
        details: "",
        askedById: board.id,
        askedByName: `${board.name} (bestuur)`,
        askedAt,
        status,
        answer,
        answeredAt: answer ? new Date(askedAt.getTime() + 6 * DAY) : null,
        answeredById: answer ? board.id : null,
      },
    });
  }
}

/** Seeds only an empty database (first start). Returns true when it seeded. */
export async function seedIfEmpty(databaseUrl: string): Promise<boolean> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    if ((await client.user.count()) > 0) return false;
    await seed(client);
    return true;
  } finally {
    await client.$disconnect();
  }
}
