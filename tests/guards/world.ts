// The role fixtures every guard uses: one person per role and scope, and objects that carry a
// unique marker, so a test can tell whether a response shows an object or not.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInvitation } from "../../app/modules/auth/invitations.server";
import { requestEmailLogin } from "../../app/modules/auth/login.server";
import { createUserSession } from "../../app/modules/auth/session.server";
import { queueMail } from "../../app/modules/mail/outbox.server";
import { createTestCheckout } from "../../app/modules/payments/payments.server";
import { actOnFakeCheckout, getRunningStripeFake, startStripeFake } from "../../app/modules/payments/stripe-fake.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { resetEnv } from "../../app/utils/env.server";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";
import { AREAS } from "./areas";

import { type RoleFixture } from "./roles";

export { ROLE_FIXTURES, type RoleFixture } from "./roles";

export type World = {
  cookies: Record<RoleFixture, string | undefined>;
  userIds: Record<Exclude<RoleFixture, "anonymous">, string>;
  companyA: { id: string; marker: string };
  companyB: { id: string; marker: string };
  schoolA: { id: string; marker: string };
  schoolB: { id: string; marker: string };
  /** Markers seeded into objects, by name; a matrix row names the one its page must show. */
  markers: Record<string, string>;
  /** Values for URL parameters, by parameter name (e.g. ":token"). */
  params: Record<string, string>;
  /** A second, new session for a role's person (for posts that end the session they use). */
  newSession(role: Exclude<RoleFixture, "anonymous">): Promise<string>;
  /** Stops what the world started: the Stripe fake, the upload folder. */
  close(): Promise<void>;
};

let n = 0;
const marker = (name: string) => `MK${name}${(n++).toString(36)}Q`;

async function sessionCookie(userId: string): Promise<string> {
  const setCookie = await createUserSession(new Request("http://localhost/"), userId);
  return setCookie.split(";")[0]!;
}

export async function createWorld(db: PrismaClient): Promise<World> {
  const markers: Record<string, string> = {};
  const mk = (name: string) => (markers[name] = marker(name));

  const companyA = await createCompany(db, { name: `Bedrijf A ${mk("companyA")}` });
  const companyB = await createCompany(db, { name: `Bedrijf B ${mk("companyB")}` });
  const schoolA = await createSchool(db, { name: `School A ${mk("schoolA")}`, brin: "11AA", vestiging: "00" });
  const schoolB = await createSchool(db, { name: `School B ${mk("schoolB")}`, brin: "22BB", vestiging: "00" });

  const person = async (key: string, email: string | null) =>
    createUser(db, { name: `Persoon ${mk(key)}`, email });
  const board = await person("board", "board@guards.example");
  await assignRole(db, board.id, "BOARD");
  const contactA = await person("contactA", "contact-a@guards.example");
  await assignRole(db, contactA.id, "COMPANY_CONTACT", { companyId: companyA.id });
  const contactB = await person("contactB", "contact-b@guards.example");
  await assignRole(db, contactB.id, "COMPANY_CONTACT", { companyId: companyB.id });
  const schoolContactA = await person("schoolContactA", "school-a@guards.example");
  await assignRole(db, schoolContactA.id, "SCHOOL_CONTACT", { schoolId: schoolA.id });
  const schoolContactB = await person("schoolContactB", "school-b@guards.example");
  await assignRole(db, schoolContactB.id, "SCHOOL_CONTACT", { schoolId: schoolB.id });
  const teacherA = await person("teacherA", "teacher-a@guards.example");
  await assignRole(db, teacherA.id, "TEACHER", { schoolId: schoolA.id });
  const teacherB = await person("teacherB", "teacher-b@guards.example");
  await assignRole(db, teacherB.id, "TEACHER", { schoolId: schoolB.id });
  const pupilA = await person("pupilA", null);
  await assignRole(db, pupilA.id, "PUPIL");
  // Their JUROR role and place on a jury come with the judging area's edition (areas/judging.ts).
  const jurorA = await person("jurorA", "juror-a@guards.example");
  // Their OFFICIAL role comes with the race area's edition (areas/race.ts).
  const officialA = await person("officialA", "official-a@guards.example");

  // A mail in the development mailbox (its id is the :messageId parameter).
  const mail = await queueMail({
    to: "board@guards.example",
    template: "invitation",
    props: { inviterName: `Bestuur ${mk("mail")}`, roleLabel: "Bestuur", acceptUrl: "http://localhost:3000/invitation/x" },
    locale: "nl",
    idempotencyKey: `guards:${markers.mail}`,
  });

  const userIds = { board: board.id, contactA: contactA.id, contactB: contactB.id, schoolContactA: schoolContactA.id,
    schoolContactB: schoolContactB.id, teacherA: teacherA.id, teacherB: teacherB.id, pupilA: pupilA.id, jurorA: jurorA.id, officialA: officialA.id };
  const cookies = { anonymous: undefined } as Record<RoleFixture, string | undefined>;
  for (const [role, id] of Object.entries(userIds)) cookies[role as RoleFixture] = await sessionCookie(id);

  const extra = await createObjects(db, markers, mk, { board, contactA: contactA.id, companyA: companyA.id, companyB: companyB.id });

  const cleanups: (() => Promise<void> | void)[] = [];
  const world: World = {
    cookies,
    userIds,
    companyA: { id: companyA.id, marker: markers.companyA! },
    companyB: { id: companyB.id, marker: markers.companyB! },
    schoolA: { id: schoolA.id, marker: markers.schoolA! },
    schoolB: { id: schoolB.id, marker: markers.schoolB! },
    markers,
    params: { messageId: mail.messageId, ...extra.params },
    newSession: (role) => sessionCookie(userIds[role]),
    async close() {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await extra.close();
    },
  };
  // Each capability area adds its objects (tests/guards/areas).
  for (const area of AREAS) await area.seedWorld?.({ db, mk, world, onClose: (fn) => cleanups.push(fn) });
  return world;
}

/**
 * Objects the routes show, each with a marker: a sign-in link and an invitation (their tokens are
 * read back from the mails, as a person would), a payment in the Stripe fake (started here unless
 * one runs) and one that Stripe calls paid but whose webhook never came; and a fresh upload folder
 * for the files the areas store (areas/files.ts: files under the app's own access rules).
 */
async function createObjects(
  db: PrismaClient,
  markers: Record<string, string>,
  mk: (name: string) => string,
  ids: { board: { id: string; name: string }; contactA: string; companyA: string; companyB: string },
) {
  const cleanups: (() => Promise<void> | void)[] = [];
  const tokenFrom = async (idempotencyKey: string, prop: string) => {
    const mail = await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey }, select: { props: true } });
    const url = (mail.props as Record<string, unknown>)[prop];
    return String(url).split("/").pop()!;
  };
  // Addresses are stored in lower case, so these markers are too.
  const lower = (name: string) => (markers[name] = mk(name).toLowerCase());

  const signerEmail = `${lower("signer")}@guards.example`;
  await createUser(db, { name: "Persoon met inloglink", email: signerEmail });
  const login = await requestEmailLogin(new Request("http://localhost:3000/login"), signerEmail, "nl");
  if (!login.ok) throw new Error("the world's sign-in request was rate limited");
  const loginToken = await db.loginToken.findFirstOrThrow({ where: { email: signerEmail }, select: { id: true } });
  const inviteeEmail = `${lower("invitee")}@guards.example`;
  const invitation = await createInvitation(
    { email: inviteeEmail, role: "COMPANY_CONTACT", companyId: ids.companyA },
    ids.board,
    "nl",
    { roleLabel: "Contactpersoon" },
  );

  if (!getRunningStripeFake()) {
    // Events are dropped: nobody listens, and the returned payment must stay unsynced.
    const fake = await startStripeFake({ deliver: async () => new Response("ok"), autoExpireIntervalMs: 0, log: () => {} });
    cleanups.push(() => fake.stop());
  }
  const checkout = (name: string) =>
    createTestCheckout({ amountCents: 2500, description: `Betaling ${mk(name)}`, successPath: "/dev/payments?result=success", cancelPath: "/dev/payments" });
  const payment = await checkout("payment");
  const returned = await checkout("paymentReturned");
  await actOnFakeCheckout(returned.sessionId, { action: "pay", method: "card" });

  const savedDataDir = process.env.DATA_DIR;
  const dataDir = await mkdtemp(path.join(tmpdir(), "vv-guards-"));
  process.env.DATA_DIR = dataDir;
  resetEnv();
  cleanups.push(async () => {
    if (savedDataDir === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = savedDataDir;
    resetEnv();
    await rm(dataDir, { recursive: true, force: true });
  });
  return {
    params: {
      loginToken: await tokenFrom(`login:${loginToken.id}`, "confirmUrl"),
      invitationToken: await tokenFrom(`invitation:${invitation.id}`, "acceptUrl"),
      sessionId: payment.sessionId,
      returnedSessionId: returned.sessionId,
    },
    async close() {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

// --- Database snapshots ----------------------------------------------------------------------------

/**
 * Columns left out of snapshots: a session's last activity is written at most every 5 minutes
 * while a person browses (ADR 0003), the one write a page view may cause.
 */
const UNSNAPSHOTTED: Record<string, string[]> = { Session: ["lastSeenAt"] };

export type DatabaseSnapshot = Record<string, { rows: number; md5: string }>;

let snapshotSql: Promise<string> | undefined;

/** Row count and an md5 of the rows of every table (except "_prisma_migrations"), in one query. */
export async function snapshotDatabase(db: PrismaClient): Promise<DatabaseSnapshot> {
  snapshotSql ??= (async () => {
    const columns = await db.$queryRawUnsafe<{ table: string; column: string }[]>(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
    );
    const byTable = new Map<string, string[]>();
    for (const { table, column } of columns) {
      if (UNSNAPSHOTTED[table]?.includes(column)) continue;
      byTable.set(table, [...(byTable.get(table) ?? []), `"${column}"`]);
    }
    return [...byTable]
      .map(
        ([table, cols]) =>
          `SELECT '${table}' AS "table", count(*)::int AS "rows", coalesce(md5(string_agg(r::text, '' ORDER BY r::text)), '') AS "md5" FROM (SELECT ${cols.join(", ")} FROM "${table}") r`,
      )
      .join(" UNION ALL ");
  })();
  const rows = await db.$queryRawUnsafe<{ table: string; rows: number; md5: string }[]>(await snapshotSql);
  return Object.fromEntries(rows.map((r) => [r.table, { rows: r.rows, md5: r.md5 }]));
}

/** The tables whose rows differ between two snapshots, e.g. ["AuditLog (+1 rows)", "Payment"]. */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables].sort().flatMap((table) => {
    const a = before[table];
    const b = after[table];
    if (a && b && a.md5 === b.md5 && a.rows === b.rows) return [];
    const delta = (b?.rows ?? 0) - (a?.rows ?? 0);
    return [delta ? `${table} (${delta > 0 ? "+" : ""}${delta} rows)` : table];
  });
}
