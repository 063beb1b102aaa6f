import { describe, expect, it } from "vitest";
import { checkConsent, displayName, mayPublishPhotos, standingConsent, type ConsentRecord } from "~/modules/challenges/consent";
import { checkTeam, mayChangeTeam, teamNameKey } from "~/modules/challenges/teams";

const t = (iso: string) => new Date(iso);
const record = (over: Partial<ConsentRecord>): ConsentRecord => ({
  givenBy: "PARENT",
  publishName: true,
  publishPhotos: false,
  textVersion: "2026-1",
  at: t("2026-10-01T10:00:00Z"),
  withdrawnAt: null,
  ...over,
});
const label = (n: number) => `Leerling ${n}`;

describe("consent", () => {
  it("is given by a parent, or by the pupil only from 16", () => {
    const base = { textVersion: "2026-1", publishName: true, publishPhotos: true };
    expect(checkConsent({ ...base, givenBy: "PARENT", pupilIs16OrOlder: false }, ["2026-1"])).toEqual([]);
    expect(checkConsent({ ...base, givenBy: "PUPIL", pupilIs16OrOlder: false }, ["2026-1"])).toEqual(["pupil-too-young"]);
    expect(checkConsent({ ...base, givenBy: "PUPIL", pupilIs16OrOlder: true }, ["2026-1"])).toEqual([]);
    expect(checkConsent({ ...base, givenBy: "PARENT", pupilIs16OrOlder: false, textVersion: "2025-9" }, ["2026-1"])).toEqual(["unknown-version"]);
  });

  it("shows a first name publicly only while a consent to publish it stands", () => {
    const pupil = (consents: ConsentRecord[]) => ({ firstName: "Noor", position: 2, consents });
    expect(displayName(pupil([]), "public", t("2026-11-01T00:00:00Z"), label)).toBe("Leerling 2");
    expect(displayName(pupil([]), "school", t("2026-11-01T00:00:00Z"), label)).toBe("Noor");
    expect(displayName(pupil([record({})]), "public", t("2026-11-01T00:00:00Z"), label)).toBe("Noor");
    // Not before it was given, not after it was withdrawn.
    expect(displayName(pupil([record({})]), "public", t("2026-09-30T00:00:00Z"), label)).toBe("Leerling 2");
    const withdrawn = record({ withdrawnAt: t("2026-11-15T00:00:00Z") });
    expect(displayName(pupil([withdrawn]), "public", t("2026-11-14T00:00:00Z"), label)).toBe("Noor");
    expect(displayName(pupil([withdrawn]), "public", t("2026-11-15T00:00:00Z"), label)).toBe("Leerling 2");
    // Photos only, not the name.
    expect(displayName(pupil([record({ publishName: false, publishPhotos: true })]), "public", t("2026-11-01T00:00:00Z"), label)).toBe("Leerling 2");
  });

  it("counts the latest record", () => {
    const older = record({ at: t("2026-09-01T00:00:00Z"), publishPhotos: true });
    const newer = record({ at: t("2026-10-01T00:00:00Z"), publishPhotos: false });
    expect(standingConsent([newer, older], t("2026-11-01T00:00:00Z"))).toBe(newer);
    expect(mayPublishPhotos([older, newer], t("2026-11-01T00:00:00Z"))).toBe(false);
    expect(mayPublishPhotos([older, newer], t("2026-09-15T00:00:00Z"))).toBe(true);
  });
});

describe("teams", () => {
  const limits = { minTeamSize: 2, maxTeamSize: 4 };
  const pupils = (n: number) => Array.from({ length: n }, (_, i) => ({ firstName: `Kind${i}`, className: "3B" }));

  it("keep within the size limits of the edition", () => {
    expect(checkTeam({ name: "De Zonnestralen", pupils: pupils(1) }, limits, [])).toEqual([{ kind: "too-few", min: 2 }]);
    expect(checkTeam({ name: "De Zonnestralen", pupils: pupils(2) }, limits, [])).toEqual([]);
    expect(checkTeam({ name: "De Zonnestralen", pupils: pupils(4) }, limits, [])).toEqual([]);
    expect(checkTeam({ name: "De Zonnestralen", pupils: pupils(5) }, limits, [])).toEqual([{ kind: "too-many", max: 4 }]);
  });

  it("have a name unique in the edition however it is written", () => {
    expect(teamNameKey("  Zonne-Boot  ")).toBe(teamNameKey("zonneboot"));
    expect(teamNameKey("Zonnéboot")).toBe(teamNameKey("ZONNEBOOT"));
    expect(checkTeam({ name: "zonne boot", pupils: pupils(2) }, limits, ["Zonneboot"])).toEqual([{ kind: "name-taken" }]);
    expect(checkTeam({ name: "Zonneboot 2", pupils: pupils(2) }, limits, ["Zonneboot"])).toEqual([]);
  });

  it("do not list the same pupil twice", () => {
    const twice = [{ firstName: "Sem", className: "2A" }, { firstName: " sem ", className: "2a" }];
    expect(checkTeam({ name: "X", pupils: twice }, limits, [])).toEqual([{ kind: "duplicate-pupil", index: 1 }]);
  });

  it("are changed by their teachers until registration closes, then only by the board", () => {
    expect(mayChangeTeam("teacher-of-school", true)).toBe(true);
    expect(mayChangeTeam("teacher-of-school", false)).toBe(false);
    expect(mayChangeTeam("board", false)).toBe(true);
    expect(mayChangeTeam("other", true)).toBe(false);
  });
});
