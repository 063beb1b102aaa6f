// Believable, fictional demo data for the embedded default (and `npm run db:seed`).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../app/generated/prisma/client";
import { assignRole, createCompany, createSchool, createUser } from "./factories";

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
    for (const name of BOARD) {
      const user = await createUser(tx, { name, email: emailFor(name, "vriendenvanhetmaasdal.example") });
      await assignRole(tx, user.id, "BOARD");
    }
    for (const [name, sector, city, contacts] of COMPANIES) {
      const company = await createCompany(tx, { name, sector, city, website: `https://www.${domainFor(name)}` });
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
  });
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
