// The cross-tenant guard's table (issue 15, point 13): for every route that takes an object id in
// its URL, and every id field of an action's schema, requests that name an object of the *other*
// tenant — company B's invoice as company A's contact, school B's team or pupil as school A's
// teacher, another team's file as a pupil. cross-tenant.test.ts runs them: 403 or 404 (a form
// with someone else's id in its body may also be refused with 400), none of the object's markers in
// the HTML, the loader data or the export, and no table changed.
//
// Coverage is derived, not listed: the routes with a `$param` come from the file names under
// app/routes, the id fields from each route's exported actionSchema (id-fields.ts). Each needs a
// cell here or an exemption with its reason; a new one with neither fails the guard, named.
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { startInvoicePayment } from "../../app/modules/invoices/invoices.server";
import { actOnFakeCheckout } from "../../app/modules/payments/stripe-fake.server";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { createUser } from "../../prisma/factories";
import { dataPath, outcome } from "./access-matrix";
import { request, type App } from "./harness";
import { changedTables, snapshotDatabase, type RoleFixture, type World } from "./world";

export type CrossCell = {
  /** What is tried, in words: "company A's contact opens company B's invoice". */
  name: string;
  route: string;
  /** What the cell covers: "param:<name>" (the URL) or "<intent>:<field>" of the actionSchema. */
  covers: string[];
  as: Exclude<RoleFixture, "anonymous"> | "anonymous";
  path: (w: World) => string;
  /** A POST with this form (schema-valid, so a refusal cannot be the schema's). Absent: a GET. */
  form?: (w: World) => Record<string, string>;
  /** Further GETs of the same object: its PDF or CSV. */
  exports?: (w: World) => string[];
  /** The other tenant's markers (world.markers names): none may show. */
  markers: string[];
};

/** Why a URL parameter or an id field needs no cross-tenant cell; keyed "route param:x" or "route intent:field". */
export const EXEMPT: Record<string, string> = {
  "routes/challenges.$slug._index param:slug": "a public page: every challenge is shown to everyone",
  "routes/challenges.$slug.$year param:slug": "a public page: every edition is shown to everyone",
  "routes/challenges.$slug.$year param:year": "a public page: every edition is shown to everyone",
  "routes/challenges.$slug.$year_.uitslag param:slug": "a public page once published (404 for everyone before: access matrix, areas/judging-results.ts)",
  "routes/challenges.$slug.$year_.uitslag param:year_": "a public page once published (404 for everyone before: access matrix, areas/judging-results.ts)",
  "routes/dev.mailbox.$messageId param:messageId": "development mailbox: open to all while mail is simulated, 404 otherwise (ADR 0004)",
  "routes/dev.stripe.checkout.$sessionId param:sessionId": "the Stripe fake's checkout page: open like Stripe's own, absent in production",
  "routes/factuur.$token param:token": "the token is the key (a secret of 43 characters in the invoice mail); a wrong token is a 404 (access matrix)",
  "routes/factuur.$token.pdf param:token": "the token is the key; a wrong token is a 404 (access matrix)",
  "routes/invitation.$token param:token": "the token is the key; a wrong token names nobody (access matrix)",
  "routes/login.confirm.$token param:token": "the token is the key; a wrong token names nobody (access matrix)",
  "routes/toestemming.$token param:token": "the token is the key; a wrong token names nobody (access matrix)",
  "routes/dev.payments *:paymentId": "development payments tester: open to all while payments are simulated, absent in production",
  "routes/dev.payments sync:sessionId": "development payments tester: open to all while payments are simulated, absent in production",
  "routes/docent.aanvragen request:schoolId": "asking to teach at a school names that school by design; its contact decides (school._index)",
  "routes/verzoeken.nieuw record:companyId": "a request may be addressed to any company of the network by design",
  "routes/ontwerp delete:id": "a literal (\"demo\"), not an object id",
  "routes/teams.nieuw *:editionId": "editions are the foundation's, open to every school",
  "routes/teams.nieuw *:categoryId": "categories belong to an edition, open to every school",
  "routes/facturen.$invoiceId refund:paymentId": "refunding a second payment is the board's alone (403 for anyone else before the id is read); the payment is looked up within this invoice only (tests/unit/invoices-flow.test.ts, paid twice)",
  "routes/factuur.$token refund:paymentId": "refunding a second payment is the board's alone (403 for anyone else before the id is read); the payment is looked up within this invoice only (tests/unit/invoices-flow.test.ts, paid twice)",
  "routes/teams.nieuw *:helperSchoolId": "a helper school may be any school by design (a primary school that helps)",
};

/**
 * Routes only the board may use: the board acts on every tenant's objects, so their id fields have
 * no "other tenant". The test checks that the access matrix refuses each of their actions to every
 * other role (so this list cannot hide a route anyone else may post to).
 */
export const BOARD_ONLY = [
  "routes/bestuur.bedrijven.$companyId",
  "routes/bestuur.challenges.$challengeId",
  "routes/bestuur.edities.$editionId._index",
  "routes/bestuur.edities.$editionId.jurering",
  "routes/bestuur.edities.$editionId.jurering_.toewijzing",
  "routes/bestuur.edities.$editionId.jurering_.verdeling",
  "routes/bestuur.edities.$editionId.overzicht",
  "routes/bestuur.edities.$editionId.uitslag",
  "routes/bestuur.facturen",
  "routes/bestuur.instellingen",
  "routes/bestuur.mensen",
  "routes/bestuur.scholen",
];

const COMPANY_B = ["companyB", "nwProfileB", "nwContactB", "nwInvoiceB", "nwRequestB", "invoiceB"];
const TEAM_B = ["submissionTeam", "pupilNoConsent", "fileSubmissionB"];
const p = (w: World, name: string) => {
  const value = w.params[name];
  if (!value) throw new Error(`the world has no parameter "${name}"`);
  return value;
};
/** School A's team with pupilA (the teams area's, or the submissions area's when alone). */
const teamA = (w: World) => w.params.teamId ?? p(w, "submissionTeamId");

export const CROSS_CELLS: CrossCell[] = [
  // --- Companies: company A's contact and company B's objects -----------------------------------
  { name: "company A's contact opens company B's page", route: "routes/bedrijf.$companyId", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}`, markers: COMPANY_B },
  { name: "company A's contact opens company B's start page", route: "routes/bedrijf.$companyId._index", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}`, markers: COMPANY_B },
  { name: "company A's contact opens company B's contacts", route: "routes/bedrijf.$companyId.contactpersonen", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}/contactpersonen`, markers: COMPANY_B },
  {
    name: "company A's contact removes a contact of company B through company B's page",
    route: "routes/bedrijf.$companyId.contactpersonen", covers: ["param:companyId"], as: "contactA",
    path: (w) => `/bedrijf/${w.companyB.id}/contactpersonen`, form: (w) => ({ intent: "remove", contactId: p(w, "xContactB") }), markers: COMPANY_B,
  },
  {
    name: "company A's contact removes a contact of company B through their own page",
    route: "routes/bedrijf.$companyId.contactpersonen", covers: ["remove:contactId"], as: "contactA",
    path: (w) => `/bedrijf/${w.companyA.id}/contactpersonen`, form: (w) => ({ intent: "remove", contactId: p(w, "xContactB") }), markers: COMPANY_B,
  },
  { name: "company A's contact opens company B's invoices", route: "routes/bedrijf.$companyId.facturen", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}/facturen`, markers: COMPANY_B },
  { name: "company A's contact opens company B's year overview", route: "routes/bedrijf.$companyId.jaaroverzicht", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}/jaaroverzicht`, markers: COMPANY_B },
  { name: "company A's contact opens company B's requests", route: "routes/bedrijf.$companyId.verzoeken", covers: ["param:companyId"], as: "contactA", path: (w) => `/bedrijf/${w.companyB.id}/verzoeken`, markers: COMPANY_B },
  {
    name: "company A's contact answers company B's request through company B's page",
    route: "routes/bedrijf.$companyId.verzoeken", covers: ["param:companyId"], as: "contactA",
    path: (w) => `/bedrijf/${w.companyB.id}/verzoeken`, form: (w) => ({ intent: "answer", requestId: p(w, "xRequestB"), answer: "NO", text: "Nee" }), markers: COMPANY_B,
  },
  {
    name: "company A's contact answers company B's request through their own page",
    route: "routes/bedrijf.$companyId.verzoeken", covers: ["answer:requestId"], as: "contactA",
    path: (w) => `/bedrijf/${w.companyA.id}/verzoeken`, form: (w) => ({ intent: "answer", requestId: p(w, "xRequestB"), answer: "NO", text: "Nee" }), markers: COMPANY_B,
  },
  {
    name: "company A's contact switches to company B's contact's role",
    route: "routes/account", covers: ["switch-role:roleId"], as: "contactA",
    path: () => "/account", form: (w) => ({ intent: "switch-role", roleId: p(w, "xRoleB") }), markers: ["companyB"],
  },
  // --- Invoices ------------------------------------------------------------------------------------
  { name: "company A's contact opens company B's invoice", route: "routes/facturen.$invoiceId", covers: ["param:invoiceId"], as: "contactA", path: (w) => `/facturen/${p(w, "invoiceIdB")}`, markers: ["invoiceB", "companyB"] },
  {
    name: "company A's contact pays company B's invoice",
    route: "routes/facturen.$invoiceId", covers: ["param:invoiceId"], as: "contactA",
    path: (w) => `/facturen/${p(w, "invoiceIdB")}`, form: () => ({ intent: "pay", method: "card-ideal" }), markers: ["invoiceB", "companyB"],
  },
  {
    name: "company A's contact syncs company B's payment through company A's invoice",
    route: "routes/facturen.$invoiceId", covers: ["sync:sessionId"], as: "contactA",
    path: (w) => `/facturen/${p(w, "invoiceIdA")}`, form: (w) => ({ intent: "sync", sessionId: p(w, "xSessionB") }), markers: ["nwInvoiceB", "companyB"],
  },
  {
    name: "whoever holds company A's invoice link syncs company B's payment with it",
    route: "routes/factuur.$token", covers: ["sync:sessionId"], as: "anonymous",
    path: (w) => `/factuur/${p(w, "invoiceTokenA")}`, form: (w) => ({ intent: "sync", sessionId: p(w, "xSessionB") }), markers: ["nwInvoiceB", "companyB"],
  },
  { name: "company A's contact downloads company B's invoice PDF", route: "routes/facturen.$invoiceId.pdf", covers: ["param:invoiceId"], as: "contactA", path: (w) => `/facturen/${p(w, "invoiceIdB")}/pdf`, markers: ["invoiceB", "companyB"] },
  // --- Board pages: a company contact or a teacher with an object's id -----------------------------
  { name: "company A's contact opens company B on the board's page", route: "routes/bestuur.bedrijven.$companyId", covers: ["param:companyId"], as: "contactA", path: (w) => `/bestuur/bedrijven/${w.companyB.id}`, markers: COMPANY_B },
  { name: "school A's teacher opens a challenge on the board's page", route: "routes/bestuur.challenges.$challengeId", covers: ["param:challengeId"], as: "teacherA", path: (w) => `/bestuur/challenges/${p(w, "challengeId")}`, markers: ["submissionTeam"] },
  { name: "school A's contact opens the board's edition page", route: "routes/bestuur.edities.$editionId._index", covers: ["param:editionId"], as: "schoolContactA", path: (w) => `/bestuur/edities/${p(w, "submissionEditionId")}`, markers: ["submissionTeam", "pupilNoConsent"] },
  {
    name: "school A's teacher opens the board's edition overview and its CSV (school B's team is in it)",
    route: "routes/bestuur.edities.$editionId.overzicht", covers: ["param:editionId"], as: "teacherA",
    path: (w) => `/bestuur/edities/${p(w, "submissionEditionId")}/overzicht`,
    exports: (w) => [`/bestuur/edities/${p(w, "submissionEditionId")}/overzicht.csv`],
    markers: ["submissionTeam", "pupilNoConsent"],
  },
  {
    name: "school A's teacher asks for the board's edition overview CSV directly",
    route: "routes/bestuur.edities.$editionId.overzicht[.]csv", covers: ["param:editionId"], as: "teacherA",
    path: (w) => `/bestuur/edities/${p(w, "submissionEditionId")}/overzicht.csv`,
    markers: ["submissionTeam", "pupilNoConsent"],
  },
  // --- Judging: a juror of edition A and edition B's objects ------------------------------------------
  {
    name: "edition A's juror opens the board's judging page of edition B (its form and jury)",
    route: "routes/bestuur.edities.$editionId.jurering", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionB")}/jurering`, markers: ["jgEditionB", "jgCriterionB"],
  },
  {
    name: "edition A's juror invites a juror onto edition B's jury",
    route: "routes/bestuur.edities.$editionId.jurering", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionB")}/jurering`, form: () => ({ intent: "invite-juror", name: "Indringer", email: "indringer@guards.example" }), markers: ["jgEditionB", "jgCriterionB"],
  },
  // --- Results: another school's team's feedback and certificate; the board's results pages --------
  { name: "school A's teacher opens school B's team's results (tops and tips)", route: "routes/teams.$teamId.uitslag", covers: ["param:teamId"], as: "teacherA", path: (w) => `/teams/${p(w, "rsTeamPB")}/uitslag`, markers: ["rsTeamPB", "rsTopPB"] },
  { name: "a pupil opens another team's results", route: "routes/teams.$teamId.uitslag", covers: ["param:teamId"], as: "pupilA", path: (w) => `/teams/${p(w, "rsTeamPB")}/uitslag`, markers: ["rsTeamPB", "rsTopPB"] },
  { name: "a pupil downloads another team's certificate", route: "routes/teams.$teamId.oorkonde[.]pdf", covers: ["param:teamId"], as: "pupilA", path: (w) => `/teams/${p(w, "rsTeamPB")}/oorkonde.pdf`, markers: ["rsTeamPB"] },
  { name: "school A's contact downloads school B's team's certificate", route: "routes/teams.$teamId.oorkonde[.]pdf", covers: ["param:teamId"], as: "schoolContactA", path: (w) => `/teams/${p(w, "rsTeamPB")}/oorkonde.pdf`, markers: ["rsTeamPB"] },
  {
    name: "school A's teacher opens the board's results page of an unpublished edition (its ranking)",
    route: "routes/bestuur.edities.$editionId.uitslag", covers: ["param:editionId"], as: "teacherA",
    path: (w) => `/bestuur/edities/${p(w, "rsEditionU")}/uitslag`, exports: (w) => [`/bestuur/edities/${p(w, "rsEditionU")}/uitslag.csv`], markers: ["rsTeamUA", "rsTopU"],
  },
  {
    name: "school A's teacher publishes an edition's results",
    route: "routes/bestuur.edities.$editionId.uitslag", covers: ["param:editionId"], as: "teacherA",
    path: (w) => `/bestuur/edities/${p(w, "rsEditionU")}/uitslag`, form: () => ({ intent: "publish" }), markers: ["rsTeamUA", "rsTopU"],
  },
  {
    name: "school A's teacher downloads the ranking CSV of an unpublished edition",
    route: "routes/bestuur.edities.$editionId.uitslag[.]csv", covers: ["param:editionId"], as: "teacherA",
    path: (w) => `/bestuur/edities/${p(w, "rsEditionU")}/uitslag.csv`, markers: ["rsTeamUA"],
  },
  // --- Jury assignment (areas/judging-assign.ts) ----------------------------------------------------
  {
    name: "edition A's juror opens the board's assignment page of edition B",
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionB")}/jurering/toewijzing`, markers: ["jgEditionB", "jaTeamB", "jaScorerB"],
  },
  {
    name: "edition A's juror assigns on edition B",
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionB")}/jurering/toewijzing`, form: (w) => ({ intent: "assign", memberId: p(w, "jaMemberB"), teamId: p(w, "jaTeamB") }), markers: ["jgEditionB", "jaTeamB"],
  },
  {
    name: "the board posts edition B's juror to edition A's assignment page",
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing", covers: ["assign:memberId", "unassign:memberId"], as: "board",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionA")}/jurering/toewijzing`, form: (w) => ({ intent: "assign", memberId: p(w, "jaMemberB"), teamId: p(w, "jaTeamA") }), markers: ["jaTeamB", "jaScorerB"],
  },
  {
    name: "the board posts edition B's team to edition A's assignment page",
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing", covers: ["assign:teamId"], as: "board",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionA")}/jurering/toewijzing`, form: (w) => ({ intent: "assign", memberId: p(w, "jaMemberA"), teamId: p(w, "jaTeamB") }), markers: ["jaTeamB", "jaScorerB"],
  },
  {
    name: "the board takes edition B's juror off edition B's team through edition A's page",
    route: "routes/bestuur.edities.$editionId.jurering_.toewijzing", covers: ["unassign:teamId"], as: "board",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionA")}/jurering/toewijzing`, form: (w) => ({ intent: "unassign", memberId: p(w, "jaMemberB"), teamId: p(w, "jaTeamB"), confirm: "yes" }), markers: ["jaTeamB", "jaScorerB"],
  },
  {
    name: "edition A's juror opens the score distribution of edition B",
    route: "routes/bestuur.edities.$editionId.jurering_.verdeling", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/bestuur/edities/${p(w, "jgEditionB")}/jurering/verdeling`, markers: ["jgEditionB", "jaScorerB"],
  },
  // --- Judging, the juror's side: jurorA (on edition C's jury) and B's edition, another juror's entry, a conflict
  { name: "edition C's juror opens edition B's list of entries", route: "routes/jury.$editionId._index", covers: ["param:editionId"], as: "jurorA", path: (w) => `/jury/${p(w, "jgEditionB")}`, markers: ["jgEditionB", "jsTeamB", "jsTopB"] },
  { name: "edition C's juror opens edition B's entry through B's URL", route: "routes/jury.$editionId.$teamId", covers: ["param:editionId"], as: "jurorA", path: (w) => `/jury/${p(w, "jgEditionB")}/${p(w, "jsTeamBId")}`, markers: ["jsTeamB", "jsEntryB", "jsTopB"] },
  {
    name: "edition C's juror scores edition B's entry through B's URL",
    route: "routes/jury.$editionId.$teamId", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jgEditionB")}/${p(w, "jsTeamBId")}`, form: () => ({ intent: "save-draft", top: "Indringer" }), markers: ["jsTeamB", "jsEntryB", "jsTopB"],
  },
  { name: "edition C's juror opens edition B's entry through C's URL", route: "routes/jury.$editionId.$teamId", covers: ["param:teamId"], as: "jurorA", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamBId")}`, markers: ["jsTeamB", "jsEntryB", "jsTopB"] },
  { name: "a juror opens an entry of their edition assigned only to another juror", route: "routes/jury.$editionId.$teamId", covers: ["param:teamId"], as: "jurorA", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamOtherId")}`, markers: ["jsEntryOther", "jsOtherTop"] },
  {
    name: "a juror scores an entry of their edition assigned only to another juror",
    route: "routes/jury.$editionId.$teamId", covers: ["param:teamId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamOtherId")}`, form: () => ({ intent: "save-draft", top: "Indringer" }), markers: ["jsEntryOther", "jsOtherTop"],
  },
  { name: "a juror opens an entry assigned to them that they declared a conflict with (403)", route: "routes/jury.$editionId.$teamId", covers: ["param:teamId"], as: "jurorA", path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamConflictId")}`, markers: ["jsEntryConflict", "jsFileConflict"] },
  {
    name: "a juror scores an entry assigned to them that they declared a conflict with (403)",
    route: "routes/jury.$editionId.$teamId", covers: ["param:teamId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jsEditionC")}/${p(w, "jsTeamConflictId")}`, form: () => ({ intent: "save-draft", top: "Toch beoordelen" }), markers: ["jsEntryConflict"],
  },
  { name: "edition C's juror opens edition B's conflicts page", route: "routes/jury.$editionId.conflicten", covers: ["param:editionId"], as: "jurorA", path: (w) => `/jury/${p(w, "jgEditionB")}/conflicten`, markers: ["jsConflictNoteB", "jsTeamB"] },
  {
    name: "edition C's juror declares a conflict through edition B's page",
    route: "routes/jury.$editionId.conflicten", covers: ["param:editionId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jgEditionB")}/conflicten`, form: (w) => ({ intent: "declare", teamId: p(w, "jsTeamBId"), kind: "CHILD_IN_TEAM" }), markers: ["jsConflictNoteB"],
  },
  {
    name: "edition C's juror declares a conflict with edition B's team through C's page",
    route: "routes/jury.$editionId.conflicten", covers: ["declare:teamId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jsEditionC")}/conflicten`, form: (w) => ({ intent: "declare", teamId: p(w, "jsTeamBId"), kind: "CHILD_IN_TEAM" }), markers: ["jsTeamB"],
  },
  {
    name: "a juror withdraws edition B's juror's declaration through their own page",
    route: "routes/jury.$editionId.conflicten", covers: ["withdraw:conflictId"], as: "jurorA",
    path: (w) => `/jury/${p(w, "jsEditionC")}/conflicten`, form: (w) => ({ intent: "withdraw", conflictId: p(w, "jsConflictBId") }), markers: ["jsConflictNoteB"],
  },
  { name: "a juror opens the file of an entry they declared a conflict with", route: "routes/files.$fileId", covers: ["param:fileId"], as: "jurorA", path: (w) => `/files/${p(w, "jsFileConflict")}`, markers: ["jsFileConflict"] },
  { name: "a juror opens the file of an entry assigned to another juror", route: "routes/files.$fileId", covers: ["param:fileId"], as: "jurorA", path: (w) => `/files/${p(w, "jsFileOther")}`, markers: ["jsFileOther"] },
  // --- Files ---------------------------------------------------------------------------------------
  { name: "a pupil opens another team's submission file", route: "routes/files.$fileId", covers: ["param:fileId"], as: "pupilA", path: (w) => `/files/${p(w, "fileSubmissionB")}`, markers: ["fileSubmissionB"] },
  { name: "school A's teacher opens school B's team's submission file", route: "routes/files.$fileId", covers: ["param:fileId"], as: "teacherA", path: (w) => `/files/${p(w, "fileSubmissionB")}`, markers: ["fileSubmissionB"] },
  { name: "school A's contact opens school B's data agreement", route: "routes/files.$fileId", covers: ["param:fileId"], as: "schoolContactA", path: (w) => `/files/${p(w, "fileAgreementB")}`, markers: ["fileAgreementB"] },
  { name: "company A's contact opens the logo of another company that is not listed", route: "routes/files.$fileId", covers: ["param:fileId"], as: "contactA", path: (w) => `/files/${p(w, "fileLogoUnlisted")}`, markers: ["fileLogoUnlisted"] },
  // --- Tasks ---------------------------------------------------------------------------------------
  { name: "school B's teacher opens school A's teacher's task", route: "routes/taken.$taskId", covers: ["param:taskId"], as: "teacherB", path: (w) => `/taken/${p(w, "taskId")}`, markers: ["taskLine"] },
  // --- Teams: school A and school B's team, pupil, consent, file ------------------------------------
  { name: "school A's teacher opens school B's team", route: "routes/teams.$teamId._index", covers: ["param:teamId"], as: "teacherA", path: (w) => `/teams/${p(w, "xTeamB")}`, markers: TEAM_B },
  { name: "school A's contact opens school B's team", route: "routes/teams.$teamId._index", covers: ["param:teamId"], as: "schoolContactA", path: (w) => `/teams/${p(w, "xTeamB")}`, markers: TEAM_B },
  { name: "a pupil opens another team", route: "routes/teams.$teamId._index", covers: ["param:teamId"], as: "pupilA", path: (w) => `/teams/${p(w, "xTeamB")}`, markers: TEAM_B },
  {
    name: "school A's teacher renames school B's team",
    route: "routes/teams.$teamId._index", covers: ["param:teamId"], as: "teacherA",
    path: (w) => `/teams/${p(w, "xTeamB")}`, form: () => ({ intent: "rename", name: "Overgenomen" }), markers: TEAM_B,
  },
  ...(["edit-pupil", "remove-pupil", "erase-pupil"] as const).map(
    (intent): CrossCell => ({
      name: `school A's teacher ${intent === "edit-pupil" ? "edits" : intent === "remove-pupil" ? "removes" : "erases"} school B's pupil through their own team`,
      route: "routes/teams.$teamId._index", covers: [`${intent}:pupilId`], as: "teacherA",
      path: (w) => `/teams/${teamA(w)}`,
      form: (w) => ({ intent, pupilId: p(w, "xPupilB"), ...(intent === "edit-pupil" ? { firstName: "Overgenomen", className: "1A" } : {}) }),
      markers: ["pupilNoConsent"],
    }),
  ),
  {
    name: "school A's teacher makes school B's teacher a coach of their team",
    route: "routes/teams.$teamId._index", covers: ["add-coach:userId"], as: "teacherA",
    path: (w) => `/teams/${teamA(w)}`, form: (w) => ({ intent: "add-coach", userId: w.userIds.teacherB }), markers: ["teacherB"],
  },
  {
    name: "school A's teacher moves their team into a category of another edition",
    route: "routes/teams.$teamId._index", covers: ["move:categoryId"], as: "teacherA",
    path: (w) => `/teams/${teamA(w)}`, form: (w) => ({ intent: "move", categoryId: p(w, "xForeignCategory") }), markers: [],
  },
  { name: "school A's teacher opens school B's team's codes", route: "routes/teams.$teamId.codes", covers: ["param:teamId"], as: "teacherA", path: (w) => `/teams/${p(w, "xTeamB")}/codes`, markers: TEAM_B },
  {
    name: "school A's teacher issues codes for school B's team",
    route: "routes/teams.$teamId.codes", covers: ["param:teamId"], as: "teacherA",
    path: (w) => `/teams/${p(w, "xTeamB")}/codes`, form: () => ({ intent: "issue" }), markers: TEAM_B,
  },
  ...(["issue", "revoke"] as const).map(
    (intent): CrossCell => ({
      name: `school A's teacher ${intent === "issue" ? "issues" : "revokes"} a code of school B's pupil through their own team`,
      route: "routes/teams.$teamId.codes", covers: [`${intent}:pupilId`], as: "teacherA",
      path: (w) => `/teams/${teamA(w)}/codes`, form: (w) => ({ intent, pupilId: p(w, "xPupilB") }), markers: ["pupilNoConsent"],
    }),
  ),
  { name: "a pupil opens another team's submission", route: "routes/teams.$teamId.inzending", covers: ["param:teamId"], as: "pupilA", path: (w) => `/teams/${p(w, "xTeamB")}/inzending`, markers: TEAM_B },
  {
    name: "a pupil hands in for another team",
    route: "routes/teams.$teamId.inzending", covers: ["param:teamId"], as: "pupilA",
    path: (w) => `/teams/${p(w, "xTeamB")}/inzending`, form: () => ({ intent: "save", description: "Overgenomen" }), markers: TEAM_B,
  },
  {
    name: "school A's teacher removes school B's team's file through their own team's submission",
    route: "routes/teams.$teamId.inzending", covers: ["remove-file:fileId"], as: "teacherA",
    path: (w) => `/teams/${p(w, "fileSubmissionATeam")}/inzending`, form: (w) => ({ intent: "remove-file", fileId: p(w, "fileSubmissionB") }), markers: ["fileSubmissionB"],
  },
  { name: "school A's teacher opens school B's team's consent", route: "routes/teams.$teamId.toestemming", covers: ["param:teamId"], as: "teacherA", path: (w) => `/teams/${p(w, "xTeamB")}/toestemming`, markers: TEAM_B },
  {
    name: "school A's teacher records paper consent on school B's team",
    route: "routes/teams.$teamId.toestemming", covers: ["param:teamId"], as: "teacherA",
    path: (w) => `/teams/${p(w, "xTeamB")}/toestemming`,
    form: (w) => ({ intent: "paper", pupilId: p(w, "xPupilB"), givenBy: "PARENT", giverName: "Ouder", publishName: "on", textVersion: "v2026" }), markers: TEAM_B,
  },
  {
    name: "school A's teacher records paper consent for school B's pupil through their own team",
    route: "routes/teams.$teamId.toestemming", covers: ["paper:pupilId"], as: "teacherA",
    path: (w) => `/teams/${teamA(w)}/toestemming`,
    form: (w) => ({ intent: "paper", pupilId: p(w, "xPupilB"), givenBy: "PARENT", giverName: "Ouder", publishName: "on", textVersion: "v2026" }), markers: ["pupilNoConsent"],
  },
  {
    name: "school A's teacher asks school B's pupil's parent for consent through their own team",
    route: "routes/teams.$teamId.toestemming", covers: ["request:pupilId"], as: "teacherA",
    path: (w) => `/teams/${teamA(w)}/toestemming`, form: (w) => ({ intent: "request", pupilId: p(w, "xPupilB"), parentEmail: "ouder-b@guards.example" }), markers: ["pupilNoConsent"],
  },
  {
    name: "school A's teacher withdraws the consent of school B's pupil through their own team",
    route: "routes/teams.$teamId.toestemming", covers: ["withdraw:consentId"], as: "teacherA",
    path: (w) => `/teams/${teamA(w)}/toestemming`, form: (w) => ({ intent: "withdraw", consentId: p(w, "xConsentB") }), markers: ["pupilNoConsent"],
  },
  // --- Schools and registration --------------------------------------------------------------------
  {
    name: "school A's contact approves a teacher's request to join school B",
    route: "routes/school._index", covers: ["*:requestId"], as: "schoolContactA",
    path: () => "/school", form: (w) => ({ intent: "approve", requestId: p(w, "xTeacherRequestB") }), markers: ["xAspirant"],
  },
  {
    name: "school A's teacher registers a team for school B",
    route: "routes/teams.nieuw", covers: ["*:schoolId"], as: "teacherA",
    path: () => "/teams/nieuw",
    form: (w) => ({ editionId: p(w, "teamsEditionId"), schoolId: w.schoolB.id, categoryId: p(w, "teamsCategoryId"), name: "Team van een ander", "pupils[0].firstName": "Kind", "pupils[0].className": "1A" }),
    markers: [],
  },
  {
    name: "school A's teacher registers a team of their own school with school B's teacher as coach",
    route: "routes/teams.nieuw", covers: ["*:coachIds"], as: "teacherA",
    path: () => "/teams/nieuw",
    form: (w) => ({ editionId: p(w, "teamsEditionId"), schoolId: w.schoolA.id, categoryId: p(w, "teamsCategoryId"), name: "Team met vreemde coach", "coachIds[0]": w.userIds.teacherB }),
    markers: [],
  },
];

/** The other tenant's objects the cells name that the areas do not put in world.params. */
export async function seedOthers(db: PrismaClient, world: World): Promise<void> {
  const m = world.markers;
  const params = world.params;
  const contact = await db.companyContact.findFirstOrThrow({ where: { companyId: world.companyB.id, name: { contains: m.nwContactB! } }, select: { id: true } });
  params.xContactB = contact.id;
  params.xRequestB = (await db.companyRequest.findFirstOrThrow({ where: { companyId: world.companyB.id }, select: { id: true } })).id;
  params.xRoleB = (await db.roleAssignment.findFirstOrThrow({ where: { userId: world.userIds.contactB }, select: { id: true } })).id;
  params.xTeamB = params.fileSubmissionBTeam!;
  const pupil = await db.pupil.findFirstOrThrow({ where: { schoolId: world.schoolB.id, firstName: m.pupilNoConsent! }, select: { id: true } });
  params.xPupilB = pupil.id;
  const consent = await db.consent.create({
    data: { pupilId: pupil.id, givenBy: "PARENT", giverName: "Ouder van B", channel: "PAPER", publishName: true, publishPhotos: false, textVersion: "v2026", at: new Date() },
  });
  params.xConsentB = consent.id;
  // A teacher's request to join school B (the aspirant's name is a marker).
  const aspirant = await createUser(db, { name: `Aspirant ${(m.xAspirant = `MKxAspirant${Date.now().toString(36)}Q`)}`, email: `aspirant-${Date.now().toString(36)}@guards.example` });
  params.xTeacherRequestB = (await db.teacherRequest.create({ data: { schoolId: world.schoolB.id, userId: aspirant.id, createdAt: new Date() } })).id;
  // A category of an edition other than that of school A's team.
  const team = await db.team.findUniqueOrThrow({ where: { id: params.teamId ?? params.submissionTeamId! }, select: { editionId: true } });
  const foreign = await db.editionCategory.findFirst({ where: { editionId: { not: team.editionId } }, select: { id: true } });
  params.xForeignCategory = foreign?.id ?? (await db.editionCategory.findFirstOrThrow({ where: { id: params.submissionCategoryId! } })).id;
  // A checkout of company B's (open) network invoice, paid at the Stripe fake; its webhook is dropped,
  // so the payment is still open here: a sync from another invoice's page must not touch it.
  const invoiceB = await db.invoice.findFirstOrThrow({ where: { companyId: world.companyB.id, description: { contains: m.nwInvoiceB! } }, include: { reminders: true } });
  const checkout = await startInvoicePayment(invoiceB, "card-ideal", { returnPath: "/", actorId: null });
  await actOnFakeCheckout(checkout.sessionId, { action: "pay", method: "card" });
  params.xSessionB = checkout.sessionId;
}

// --- Running a cell ---------------------------------------------------------------------------------

export type CellRun = { requests: number; problems: string[] };

/**
 * One cell: the request (and, for a GET, its loader data and exports) as the cell's role; each
 * answer must be a refusal and show none of the markers; no table may change. A POST's form must be
 * valid input for the route's actionSchema, so that its refusal is the access check's, not zod's.
 */
export async function runCrossCell(
  app: App,
  db: PrismaClient,
  world: World,
  cell: CrossCell,
  route: { id: string; hasComponent: boolean; isIndex: boolean; actionSchema?: unknown },
): Promise<CellRun> {
  const problems: string[] = [];
  const path = cell.path(world);
  const cookie = world.cookies[cell.as];
  const markers = cell.markers.map((name) => {
    const value = world.markers[name];
    if (!value) throw new Error(`${cell.name}: the world has no marker "${name}"`);
    return value;
  });
  const form = cell.form?.(world);
  if (form) {
    const schema = route.actionSchema as z.ZodType | undefined;
    if (!schema) problems.push(`POST ${path}: the route exports no actionSchema to check the form against`);
    else {
      const data = new FormData();
      for (const [k, v] of Object.entries(form)) data.append(k, v);
      const parsed = parseWithZod(data, { schema });
      if (parsed.status !== "success") problems.push(`POST ${path}: the cell's form is no valid input (${JSON.stringify(parsed.reply().error)}), so a refusal proves nothing`);
    }
  }
  const requests: { label: string; url: string; post?: boolean }[] = form
    ? [{ label: "POST", url: route.hasComponent ? dataPath(path, route.id, { index: route.isIndex }) : path, post: true }]
    : [
        { label: "GET", url: path },
        ...(route.hasComponent ? [{ label: "GET data", url: dataPath(path, route.id, { index: route.isIndex }) }] : []),
        ...(cell.exports?.(world) ?? []).map((url) => ({ label: "GET export", url })),
      ];
  const allowed = form && !cell.covers.some((c) => c.startsWith("param:")) ? ["400", "403", "404"] : ["403", "404"];
  const before = await snapshotDatabase(db);
  for (const { label, url, post } of requests) {
    const response = await request(app, url, { cookie, form: post ? form : undefined, headers: { "x-vv-client-ip": "10.250.0.1" } });
    const body = await response.text();
    const actual = outcome(response);
    if (!allowed.includes(actual)) problems.push(`${cell.as} · ${label} ${url}: expected ${allowed.join(" or ")}, got ${actual}`);
    for (const m of markers) if (body.includes(m)) problems.push(`${cell.as} · ${label} ${url}: shows marker ${m} of the other tenant's object`);
  }
  const changed = changedTables(before, await snapshotDatabase(db));
  if (changed.length) problems.push(`${cell.as} · ${requests.map((r) => r.label).join(", ")} ${path}: changed ${changed.join(", ")}`);
  return { requests: requests.length, problems: problems.map((p) => `${cell.name}: ${p}`) };
}
