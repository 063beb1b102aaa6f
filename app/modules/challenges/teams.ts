// Team rules of a challenge edition (pure): size limits, names, what is kept of a pupil.

/** The vmbo leerwegen a pupil can be in (the one list: forms, checks and the monitoring). */
export const LEERWEGEN = ["BB", "KB", "GL", "TL"] as const;
export type Leerweg = (typeof LEERWEGEN)[number];
export type TeamLimits = { minTeamSize: number; maxTeamSize: number };

export type PupilInput = { firstName: string; className: string; leerweg?: string | null; profiel?: string | null };

export type TeamProblem =
  | { kind: "too-few"; min: number }
  | { kind: "too-many"; max: number }
  | { kind: "duplicate-pupil"; index: number }
  | { kind: "name-taken" };

/** A team name compared as people read it: case, accents, spaces and punctuation do not count. */
export function teamNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** Problems with a team of `pupils` (helpers from another school are not counted in the size). */
export function checkTeam(
  input: { name: string; pupils: readonly PupilInput[] },
  limits: TeamLimits,
  otherTeamNames: readonly string[],
): TeamProblem[] {
  const problems: TeamProblem[] = [];
  if (input.pupils.length < limits.minTeamSize) problems.push({ kind: "too-few", min: limits.minTeamSize });
  if (input.pupils.length > limits.maxTeamSize) problems.push({ kind: "too-many", max: limits.maxTeamSize });
  const seen = new Set<string>();
  input.pupils.forEach((p, index) => {
    const key = `${p.firstName.trim().toLowerCase()}|${p.className.trim().toLowerCase()}`;
    if (seen.has(key)) problems.push({ kind: "duplicate-pupil", index });
    seen.add(key);
  });
  const key = teamNameKey(input.name);
  if (otherTeamNames.some((other) => teamNameKey(other) === key)) problems.push({ kind: "name-taken" });
  return problems;
}

/** Who may change a team: its school's teachers while registration is open; after that only the board. */
export function mayChangeTeam(role: "board" | "teacher-of-school" | "other", registrationOpen: boolean): boolean {
  if (role === "board") return true;
  return role === "teacher-of-school" && registrationOpen;
}
