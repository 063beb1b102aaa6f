// The role fixtures every guard uses: one person per role and scope, and objects that carry a
// unique marker, so a test can tell whether a response shows an object or not.
import { createUserSession } from "../../app/modules/auth/session.server";
import { queueMail } from "../../app/modules/mail/outbox.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { assignRole, createCompany, createSchool, createUser } from "../../prisma/factories";

export const ROLE_FIXTURES = [
  "anonymous",
  "board",
  "contactA",
  "contactB",
  "schoolContactA",
  "schoolContactB",
  "teacherA",
  "teacherB",
  "pupilA",
] as const;
export type RoleFixture = (typeof ROLE_FIXTURES)[number];

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

  // A mail in the development mailbox (its id is the :messageId parameter).
  const mail = await queueMail({
    to: "board@guards.example",
    template: "invitation",
    props: { inviterName: `Bestuur ${mk("mail")}`, roleLabel: "Bestuur", acceptUrl: "http://localhost:3000/invitation/x" },
    locale: "nl",
    idempotencyKey: `guards:${markers.mail}`,
  });

  const userIds = { board: board.id, contactA: contactA.id, contactB: contactB.id, schoolContactA: schoolContactA.id,
    schoolContactB: schoolContactB.id, teacherA: teacherA.id, teacherB: teacherB.id, pupilA: pupilA.id };
  const cookies = { anonymous: undefined } as Record<RoleFixture, string | undefined>;
  for (const [role, id] of Object.entries(userIds)) cookies[role as RoleFixture] = await sessionCookie(id);

  return {
    cookies,
    userIds,
    companyA: { id: companyA.id, marker: markers.companyA! },
    companyB: { id: companyB.id, marker: markers.companyB! },
    schoolA: { id: schoolA.id, marker: markers.schoolA! },
    schoolB: { id: schoolB.id, marker: markers.schoolB! },
    markers,
    params: { messageId: mail.messageId },
  };
}
