// Judging rule 5: conflicts of interest between a juror and an entry, every kind with its reason.
import { describe, expect, it } from "vitest";
import { conflictReasons, findConflicts, type EntryFacts, type JurorAffiliations } from "~/modules/judging/rules";

const juror = (over: Partial<JurorAffiliations> = {}): JurorAffiliations => ({
  jurorId: "jur-1",
  companyIds: [],
  teachesAtSchoolIds: [],
  schoolContactSchoolIds: [],
  declarations: [],
  ...over,
});
const entry = (over: Partial<EntryFacts> = {}): EntryFacts => ({
  entryId: "ent-1",
  teamId: "team-1",
  schoolId: "school-1",
  editionId: "ed-1",
  categoryId: "cat-1",
  teamSponsorCompanyIds: [],
  categorySponsorCompanyIds: [],
  editionSponsorCompanyIds: [],
  pupilCaseHosts: [],
  ...over,
});

describe("conflicts of interest (rule 5)", () => {
  it("none when nothing ties the juror to the team", () => {
    const j = juror({ companyIds: ["acme"], teachesAtSchoolIds: ["school-2"], schoolContactSchoolIds: ["school-3"], declarations: [{ teamId: "team-9", kind: "CHILD_IN_TEAM" }] });
    const e = entry({ teamSponsorCompanyIds: ["other"], categorySponsorCompanyIds: ["other"], pupilCaseHosts: [{ pupilId: "p1", caseHostCompanyIds: ["other"] }] });
    expect(conflictReasons(j, e)).toEqual([]);
  });

  it("declared by the juror for this team: child in the team, former pupil, other (with its text)", () => {
    const j = juror({
      declarations: [
        { teamId: "team-1", kind: "CHILD_IN_TEAM" },
        { teamId: "team-1", kind: "FORMER_PUPIL", text: null },
        { teamId: "team-1", kind: "OTHER", text: "  buurvrouw van de begeleider " },
        { teamId: "team-2", kind: "CHILD_IN_TEAM" },
      ],
    });
    expect(conflictReasons(j, entry())).toEqual([
      { code: "DECLARED", kind: "CHILD_IN_TEAM", teamId: "team-1", text: null },
      { code: "DECLARED", kind: "FORMER_PUPIL", teamId: "team-1", text: null },
      { code: "DECLARED", kind: "OTHER", teamId: "team-1", text: "buurvrouw van de begeleider" },
    ]);
    expect(conflictReasons(j, entry({ teamId: "team-3" }))).toEqual([]);
  });

  it("the juror's company sponsors the team", () => {
    expect(conflictReasons(juror({ companyIds: ["acme", "beta"] }), entry({ teamSponsorCompanyIds: ["beta"] }))).toEqual([{ code: "SPONSORS_TEAM", companyId: "beta", teamId: "team-1" }]);
  });

  it("the juror's company sponsors the entry's category", () => {
    expect(conflictReasons(juror({ companyIds: ["acme"] }), entry({ categorySponsorCompanyIds: ["acme"] }))).toEqual([{ code: "SPONSORS_CATEGORY", companyId: "acme", categoryId: "cat-1" }]);
  });

  it("a sponsor of the whole edition is a conflict only when asked for", () => {
    const j = juror({ companyIds: ["acme"] });
    const e = entry({ editionSponsorCompanyIds: ["acme"] });
    expect(conflictReasons(j, e)).toEqual([]);
    expect(conflictReasons(j, e, { editionSponsorsConflict: true })).toEqual([{ code: "SPONSORS_EDITION", companyId: "acme", editionId: "ed-1" }]);
  });

  it("the juror's company hosts a case the team's pupils worked on, naming those pupils", () => {
    const e = entry({
      pupilCaseHosts: [
        { pupilId: "p1", caseHostCompanyIds: ["acme", "zeta"] },
        { pupilId: "p2", caseHostCompanyIds: [] },
        { pupilId: "p3", caseHostCompanyIds: ["acme"] },
      ],
    });
    expect(conflictReasons(juror({ companyIds: ["acme"] }), e)).toEqual([{ code: "HOSTS_CASE", companyId: "acme", pupilIds: ["p1", "p3"] }]);
  });

  it("the juror teaches at, or is a school contact of, the team's school", () => {
    expect(conflictReasons(juror({ teachesAtSchoolIds: ["school-1"] }), entry())).toEqual([{ code: "TEACHES_AT_SCHOOL", schoolId: "school-1" }]);
    expect(conflictReasons(juror({ schoolContactSchoolIds: ["school-1"] }), entry())).toEqual([{ code: "SCHOOL_CONTACT", schoolId: "school-1" }]);
  });

  it("lists every reason that applies, in a fixed order, each company once", () => {
    const j = juror({ companyIds: ["acme", "acme"], teachesAtSchoolIds: ["school-1"], schoolContactSchoolIds: ["school-1"], declarations: [{ teamId: "team-1", kind: "FORMER_PUPIL" }] });
    const e = entry({ teamSponsorCompanyIds: ["acme"], categorySponsorCompanyIds: ["acme"], editionSponsorCompanyIds: ["acme"], pupilCaseHosts: [{ pupilId: "p1", caseHostCompanyIds: ["acme"] }] });
    expect(conflictReasons(j, e, { editionSponsorsConflict: true }).map((r) => r.code)).toEqual([
      "DECLARED",
      "SPONSORS_TEAM",
      "SPONSORS_CATEGORY",
      "SPONSORS_EDITION",
      "HOSTS_CASE",
      "TEACHES_AT_SCHOOL",
      "SCHOOL_CONTACT",
    ]);
  });

  it("findConflicts lists the conflicted pairs of a panel with their reasons", () => {
    const jurors = [juror({ jurorId: "a", teachesAtSchoolIds: ["s2"] }), juror({ jurorId: "b" })];
    const entries = [entry({ entryId: "x", schoolId: "s1" }), entry({ entryId: "y", schoolId: "s2" })];
    expect(findConflicts(jurors, entries)).toEqual([{ jurorId: "a", entryId: "y", reasons: [{ code: "TEACHES_AT_SCHOOL", schoolId: "s2" }] }]);
  });
});
