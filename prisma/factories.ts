// Factory functions shared by the seed and the tests, so both build data the same way.
import type { PrismaClient, Role, SchoolType } from "../app/generated/prisma/client";

type Client = Pick<PrismaClient, "user" | "company" | "school" | "roleAssignment">;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export const slugify = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export async function createUser(client: Client, data: { name?: string; email?: string | null; locale?: string } = {}) {
  const id = unique();
  return client.user.create({
    data: {
      name: data.name ?? `Test Gebruiker ${id}`,
      email: data.email === undefined ? `user-${id}@example.test` : data.email,
      locale: data.locale ?? "nl",
    },
  });
}

export async function createCompany(
  client: Client,
  data: { name?: string; kvkNumber?: string | null; sector?: string; city?: string; website?: string } = {},
) {
  const name = data.name ?? `Testbedrijf ${unique()}`;
  return client.company.create({
    data: {
      name,
      slug: `${slugify(name)}-${unique()}`.slice(0, 80),
      kvkNumber: data.kvkNumber === undefined ? null : data.kvkNumber,
      sector: data.sector ?? "Techniek",
      city: data.city ?? "Venlo",
      website: data.website,
    },
  });
}

export async function createSchool(
  client: Client,
  data: { name?: string; brin?: string; vestiging?: string; city?: string; type?: SchoolType } = {},
) {
  const name = data.name ?? `Testschool ${unique()}`;
  return client.school.create({
    data: {
      name,
      slug: `${slugify(name)}-${unique()}`.slice(0, 80),
      brin: data.brin ?? `${String.fromCharCode(65 + (counter % 26))}${(counter++ % 100).toString().padStart(2, "0")}X`,
      vestiging: data.vestiging ?? unique().slice(-2).padStart(2, "0"),
      city: data.city ?? "Venlo",
      type: data.type ?? "VMBO",
    },
  });
}

export async function assignRole(
  client: Client,
  userId: string,
  role: Role,
  scope: { companyId?: string; schoolId?: string; editionId?: string } = {},
) {
  return client.roleAssignment.create({
    data: { userId, role, companyId: scope.companyId ?? null, schoolId: scope.schoolId ?? null, editionId: scope.editionId ?? null },
  });
}

type InvoiceClient = Pick<PrismaClient, "foundationSettings" | "contributionTier" | "company" | "companyContact">;

/** The foundation's settings row, complete enough to invoice (fictional details). */
export async function createFoundationSettings(
  client: InvoiceClient,
  data: Partial<{ contributionVatMode: "EXEMPT" | "RATE"; contributionVatRateBp: number; graceMonths: number; paymentTermDays: number; invoiceMonth: number; invoiceDay: number; reminderDays: number[]; pupilRetentionMonths: number }> = {},
) {
  const values = {
    name: "Stichting Vrienden van het Maasdal College",
    address: "Maasboulevard 12",
    postcode: "5911 AB",
    city: "Venlo",
    kvkNumber: "87654321",
    vatNumber: null,
    vatExemptionReason: "Vrijgesteld van btw: de jaarbijdrage is een bijdrage aan een stichting zonder winstoogmerk.",
    iban: "NL91 ABNA 0417 1643 00",
    email: "penningmeester@vriendenvanhetmaasdal.example",
    ...data,
    updatedAt: new Date(),
  };
  return client.foundationSettings.upsert({ where: { id: "foundation" }, create: { id: "foundation", ...values }, update: values });
}

export async function createTier(client: InvoiceClient, data: { name?: string; amountCents?: number; benefits?: string; position?: number } = {}) {
  const at = new Date();
  return client.contributionTier.create({
    data: {
      name: data.name ?? `Tier ${unique()}`,
      amountCents: data.amountCents ?? 25_000,
      benefits: data.benefits ?? "",
      position: data.position ?? 0,
      createdAt: at,
      updatedAt: at,
    },
  });
}
