// Seeded datasets for the query-budget guard: one shape, built at 1× and at 10×, so a page whose
// query count grows with its rows (a query in a loop) shows up as a difference between the two.
// Every row is made the way the app makes it (factories, module functions), in a fixed order.
//
// The module functions write through the app's `db`: point it at `db` first (setDb(db)).
import { createInvitation } from "../../app/modules/auth/invitations.server";
import { requestEmailLogin } from "../../app/modules/auth/login.server";
import { ROLES } from "../../app/modules/auth/roles";
import { createUserSession } from "../../app/modules/auth/session.server";
import { createTestCheckout } from "../../app/modules/payments/payments.server";
import type { PaymentStatus, PrismaClient } from "../../app/generated/prisma/client";
import { getDb } from "../../app/utils/db.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { AREAS } from "./areas";
import type { DatasetContext } from "./areas/types";

/** What one unit of the dataset holds; the large dataset holds ten units. */
export const UNIT = {
  companies: 3,
  schools: 2,
  /** Each with an address and one or two roles; plus one pupil without an address. */
  people: 6,
  /** Open invitations, one per invitable role, each with its mail; plus one revoked. */
  invitations: ROLES.length,
  /** Sign-in requests (a login token and a mail each). */
  signIns: 2,
  /** Payments in every status, as the payments module stores them. */
  payments: 5,
  /** Extra sessions of the viewing board member (the account page lists them). */
  sessions: 3,
  auditEntries: 10,
} as const;

export type Dataset = {
  scale: number;
  /** Session cookies of the people pages are viewed as. */
  cookies: { board: string; teacher: string; contact: string; pupil: string };
  /** URL parameters of pages that show one object (core: messageId, invitationToken, loginToken, sessionId; areas add theirs). */
  params: Record<string, string>;
  /** Rows per table after building, for the report. */
  rows: Record<string, number>;
};

const STATUSES: PaymentStatus[] = ["OPEN", "PAID", "FAILED", "EXPIRED", "REFUNDED"];
const cookiePair = (header: string) => header.split(";")[0]!;
const session = async (db: PrismaClient, userId: string) => cookiePair(await createUserSession(new Request("http://localhost/"), userId, db));

export async function buildDataset(db: PrismaClient, scale: number): Promise<Dataset> {
  if (getDb() !== db) throw new Error("buildDataset: point the app's db at this client first (setDb)");
  const tag = `s${scale}`;
  const board = await createUser(db, { name: `Bestuurder ${tag}`, email: `bestuur-${tag}@datasets.example` });
  await assignRole(db, board.id, "BOARD");
  const teacherViewer = await createUser(db, { name: `Docent ${tag}`, email: `docent-${tag}@datasets.example` });
  const contactViewer = await createUser(db, { name: `Contactpersoon ${tag}`, email: `contact-${tag}@datasets.example` });
  // A pupil (the teams area puts them in a team of every unit).
  const pupilViewer = await createUser(db, { name: `Leerling ${tag}`, email: `leerling-${tag}@datasets.example` });
  await assignRole(db, pupilViewer.id, "PUPIL");
  const units: DatasetContext["units"] = [];

  let ip = 0;
  for (let unit = 0; unit < scale; unit++) {
    const u = `${tag}u${unit}`;
    const companies: Awaited<ReturnType<typeof createCompany>>[] = [];
    for (let i = 0; i < UNIT.companies; i++) companies.push(await createCompany(db, { name: `Bedrijf ${u}-${i}`, city: "Venlo" }));
    const schools: Awaited<ReturnType<typeof createSchool>>[] = [];
    for (let i = 0; i < UNIT.schools; i++) {
      schools.push(await createSchool(db, { name: `School ${u}-${i}`, brin: `${String(unit).padStart(2, "0")}${tag.slice(0, 2).toUpperCase()}`, vestiging: `${i}` }));
    }
    if (unit === 0) {
      await assignRole(db, teacherViewer.id, "TEACHER", { schoolId: schools[0]!.id });
      await assignRole(db, contactViewer.id, "COMPANY_CONTACT", { companyId: companies[0]!.id });
    }
    units.push({ companyIds: companies.map((c) => c.id), schoolIds: schools.map((s) => s.id) });

    for (let i = 0; i < UNIT.people; i++) {
      const person = await createUser(db, { name: `Persoon ${u}-${i}`, email: `persoon-${u}-${i}@datasets.example` });
      const company = companies[i % companies.length]!;
      const school = schools[i % schools.length]!;
      if (i % 3 === 0) await assignRole(db, person.id, "COMPANY_CONTACT", { companyId: company.id });
      if (i % 3 === 1) await assignRole(db, person.id, "SCHOOL_CONTACT", { schoolId: school.id });
      if (i % 3 === 2 || i === 0) await assignRole(db, person.id, "TEACHER", { schoolId: school.id });
    }
    const pupil = await createUser(db, { name: `Leerling ${u}`, email: null });
    await assignRole(db, pupil.id, "PUPIL");

    const inviter = { id: board.id, name: board.name };
    for (const role of ROLES) {
      await createInvitation(
        {
          email: `uitgenodigd-${u}-${role.toLowerCase()}@datasets.example`,
          name: `Genodigde ${u}`,
          role,
          companyId: role === "COMPANY_CONTACT" ? companies[0]!.id : undefined,
          schoolId: role === "SCHOOL_CONTACT" || role === "TEACHER" ? schools[0]!.id : undefined,
        },
        inviter,
        "nl",
        { roleLabel: role, organisationName: role === "COMPANY_CONTACT" ? companies[0]!.name : schools[0]!.name },
      );
    }
    const revoked = await createInvitation({ email: `ingetrokken-${u}@datasets.example`, role: "BOARD" }, inviter, "nl", { roleLabel: "BOARD" });
    await db.invitation.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });

    for (let i = 0; i < UNIT.signIns; i++) {
      const email = `persoon-${u}-${i}@datasets.example`;
      const request = new Request("http://localhost:3000/login", { headers: { "x-vv-client-ip": `192.0.2.${ip++ % 250}` } });
      const result = await requestEmailLogin(request, email, "nl");
      if (!result.ok) throw new Error(`dataset: sign-in request for ${email} was rate limited`);
    }

    const at = Date.now();
    await db.payment.createMany({
      data: Array.from({ length: UNIT.payments }, (_, i) => ({
        purposeType: "dataset",
        purposeId: `${u}-${i}`,
        description: `Jaarbijdrage ${u}-${i}`,
        amountCents: 2500 + i,
        status: STATUSES[i % STATUSES.length]!,
        checkoutSessionId: `cs_dataset_${u}_${i}`,
        checkoutUrl: i % STATUSES.length === 0 ? `http://localhost:3000/dev/stripe/checkout/cs_dataset_${u}_${i}` : null,
        createdAt: new Date(at - (unit * UNIT.payments + i) * 60_000),
        updatedAt: new Date(at),
      })),
    });
    await db.auditLog.createMany({
      data: Array.from({ length: UNIT.auditEntries }, (_, i) => ({
        at: new Date(at - i * 1_000),
        actorId: board.id,
        action: "dataset.entry",
        entityType: "Company",
        entityId: companies[i % companies.length]!.id,
        meta: { unit, i },
      })),
    });
    for (let i = 0; i < UNIT.sessions; i++) await session(db, board.id);
  }

  // The objects the single-object pages show, read back the way a person gets them (from mail).
  const invitationMail = await db.outboxMessage.findFirstOrThrow({ where: { template: "invitation", toAddress: { contains: "-company_contact@" } }, orderBy: { createdAt: "asc" } });
  const signInMail = await db.outboxMessage.findFirstOrThrow({ where: { template: "sign-in" }, orderBy: { createdAt: "asc" } });
  const prop = (props: unknown, key: string) => String((props as Record<string, unknown>)[key]).split("/").pop()!;
  const checkout = await createTestCheckout({
    amountCents: 2500,
    description: `Jaarbijdrage ${tag}`,
    successPath: "/dev/payments?result=success",
    cancelPath: "/dev/payments",
  });

  // Each capability area adds its rows (tests/guards/areas), scale units of each.
  const areaParams: Record<string, string> = {};
  for (const area of AREAS) {
    Object.assign(areaParams, await area.seedDataset?.({ db, scale, tag, boardId: board.id, viewerCompanyId: units[0]!.companyIds[0]!, units }));
  }

  const rows: Record<string, number> = {
    companies: await db.company.count(),
    schools: await db.school.count(),
    people: await db.user.count(),
    roles: await db.roleAssignment.count(),
    invitations: await db.invitation.count(),
    mails: await db.outboxMessage.count(),
    payments: await db.payment.count(),
    sessions: await db.session.count(),
    auditEntries: await db.auditLog.count(),
  };
  return {
    scale,
    cookies: { board: await session(db, board.id), teacher: await session(db, teacherViewer.id), contact: await session(db, contactViewer.id), pupil: await session(db, pupilViewer.id) },
    params: {
      ...areaParams,
      messageId: signInMail.id,
      invitationToken: prop(invitationMail.props, "acceptUrl"),
      loginToken: prop(signInMail.props, "confirmUrl"),
      sessionId: checkout.sessionId,
    },
    rows,
  };
}
