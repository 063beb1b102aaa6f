// Rule 5 — conflicts of interest between a juror and an entry (a team's entry).
//
// A juror may not score an entry when any of these holds; each gives a reason with a typed code
// and what it is about, so the board sees why:
//  - DECLARED: the juror declared a tie with the team: a child in the team (CHILD_IN_TEAM), a
//    former pupil in it (FORMER_PUPIL) or something else in their own words (OTHER, with text).
//  - SPONSORS_TEAM: a company of the juror sponsors the team.
//  - SPONSORS_CATEGORY: a company of the juror sponsors the edition's category the entry is in.
//  - SPONSORS_EDITION: a company of the juror sponsors the edition as a whole — ONLY when the
//    caller asks for it (`editionSponsorsConflict: true`). By default a sponsor of the whole
//    edition sponsors every team alike, and sponsors often provide the jurors, so it is no
//    conflict. (A decision for the board; see the module's README.)
//  - HOSTS_CASE: a company of the juror hosts a case that a pupil of the team worked on (the
//    reason lists those pupils).
//  - TEACHES_AT_SCHOOL / SCHOOL_CONTACT: the juror teaches at, or is a contact person of, the
//    team's school.
// The result is every reason that applies (empty: no conflict), in the order above, each
// company or school once per kind.

export const DECLARATION_KINDS = ["CHILD_IN_TEAM", "FORMER_PUPIL", "OTHER"] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export type JurorAffiliations = {
  jurorId: string;
  /** Companies the juror works for or represents. */
  companyIds: readonly string[];
  /** Schools where the juror teaches. */
  teachesAtSchoolIds: readonly string[];
  /** Schools where the juror is a school contact. */
  schoolContactSchoolIds: readonly string[];
  /** What the juror declared, per team. */
  declarations: readonly { teamId: string; kind: DeclarationKind; text?: string | null }[];
};

export type EntryFacts = {
  entryId: string;
  teamId: string;
  schoolId: string;
  editionId: string;
  /** The entry's category in the edition, if the edition has categories. */
  categoryId?: string | null;
  /** Companies that sponsor this team. */
  teamSponsorCompanyIds: readonly string[];
  /** Companies that sponsor the entry's category in this edition. */
  categorySponsorCompanyIds: readonly string[];
  /** Companies that sponsor the whole edition. */
  editionSponsorCompanyIds: readonly string[];
  /** Per pupil of the team: the companies hosting a case that pupil worked on. */
  pupilCaseHosts: readonly { pupilId: string; caseHostCompanyIds: readonly string[] }[];
};

export type ConflictReason =
  | { code: "DECLARED"; kind: DeclarationKind; teamId: string; text: string | null }
  | { code: "SPONSORS_TEAM"; companyId: string; teamId: string }
  | { code: "SPONSORS_CATEGORY"; companyId: string; categoryId: string | null }
  | { code: "SPONSORS_EDITION"; companyId: string; editionId: string }
  | { code: "HOSTS_CASE"; companyId: string; pupilIds: string[] }
  | { code: "TEACHES_AT_SCHOOL"; schoolId: string }
  | { code: "SCHOOL_CONTACT"; schoolId: string };

export type ConflictOptions = { editionSponsorsConflict?: boolean };

/** Every reason why this juror may not score this entry (empty: no conflict). */
export function conflictReasons(juror: JurorAffiliations, entry: EntryFacts, options: ConflictOptions = {}): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  for (const d of juror.declarations) {
    if (d.teamId !== entry.teamId) continue;
    const text = d.text?.trim() ? d.text.trim() : null;
    reasons.push({ code: "DECLARED", kind: d.kind, teamId: d.teamId, text });
  }
  const companies = unique(juror.companyIds);
  const has = (list: readonly string[]) => companies.filter((id) => list.includes(id));
  for (const companyId of has(entry.teamSponsorCompanyIds)) reasons.push({ code: "SPONSORS_TEAM", companyId, teamId: entry.teamId });
  for (const companyId of has(entry.categorySponsorCompanyIds)) reasons.push({ code: "SPONSORS_CATEGORY", companyId, categoryId: entry.categoryId ?? null });
  if (options.editionSponsorsConflict) {
    for (const companyId of has(entry.editionSponsorCompanyIds)) reasons.push({ code: "SPONSORS_EDITION", companyId, editionId: entry.editionId });
  }
  for (const companyId of companies) {
    const pupilIds = unique(entry.pupilCaseHosts.filter((p) => p.caseHostCompanyIds.includes(companyId)).map((p) => p.pupilId));
    if (pupilIds.length > 0) reasons.push({ code: "HOSTS_CASE", companyId, pupilIds });
  }
  if (juror.teachesAtSchoolIds.includes(entry.schoolId)) reasons.push({ code: "TEACHES_AT_SCHOOL", schoolId: entry.schoolId });
  if (juror.schoolContactSchoolIds.includes(entry.schoolId)) reasons.push({ code: "SCHOOL_CONTACT", schoolId: entry.schoolId });
  return reasons;
}

export type Conflict = { jurorId: string; entryId: string; reasons: ConflictReason[] };

/** Every conflicted juror–entry pair of a panel (jurors × entries), with its reasons. */
export function findConflicts(jurors: readonly JurorAffiliations[], entries: readonly EntryFacts[], options: ConflictOptions = {}): Conflict[] {
  const out: Conflict[] = [];
  for (const juror of jurors) {
    for (const entry of entries) {
      const reasons = conflictReasons(juror, entry, options);
      if (reasons.length > 0) out.push({ jurorId: juror.jurorId, entryId: entry.entryId, reasons });
    }
  }
  return out;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
