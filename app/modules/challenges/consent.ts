// Consent to publish a pupil's name and photos (PRODUCT.md "Minors and schools"). Pure rules:
// who may give it, which record counts, and what name may appear where.
//
// A parent or guardian consents; a pupil of 16 or older consents themselves. A consent names the
// consent text version it was given for and can be withdrawn at any time; the latest record
// counts. Without a standing consent the pupil's name never appears publicly or in exports meant
// for outside the school: the pupil is shown as "Leerling 1, 2, …" of the team.

export type ConsentGiver = "PARENT" | "PUPIL";
export type ConsentChannel = "PAPER" | "EMAIL";

export type ConsentRecord = {
  givenBy: ConsentGiver;
  /** Publication of the name (and team photos with the pupil). */
  publishName: boolean;
  publishPhotos: boolean;
  textVersion: string;
  at: Date;
  withdrawnAt: Date | null;
};

export type ConsentProblem = "pupil-too-young" | "unknown-version" | "nothing-consented";

/** May this consent be recorded? `pupilIs16OrOlder` is what the teacher confirms for self-consent. */
export function checkConsent(
  input: { givenBy: ConsentGiver; pupilIs16OrOlder: boolean; textVersion: string; publishName: boolean; publishPhotos: boolean },
  knownVersions: readonly string[],
): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (input.givenBy === "PUPIL" && !input.pupilIs16OrOlder) problems.push("pupil-too-young");
  if (!knownVersions.includes(input.textVersion)) problems.push("unknown-version");
  if (!input.publishName && !input.publishPhotos) problems.push("nothing-consented");
  return problems;
}

/** The consent that stands at `at`: the latest record given before `at`, unless withdrawn by then. */
export function standingConsent(records: readonly ConsentRecord[], at: Date): ConsentRecord | null {
  const given = records.filter((r) => r.at.getTime() <= at.getTime()).sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = given[0];
  if (!latest) return null;
  if (latest.withdrawnAt && latest.withdrawnAt.getTime() <= at.getTime()) return null;
  return latest;
}

export type Audience = "school" | "public";

/**
 * The name to show for a pupil: inside the school (teacher, school contact, board working on the
 * team) the first name; for anything public or leaving the school the first name only with a
 * standing consent to publish it, else "Leerling <n>" (n = place in the team, from 1).
 */
export function displayName(
  pupil: { firstName: string; position: number; consents: readonly ConsentRecord[] },
  audience: Audience,
  at: Date,
  anonymousLabel: (n: number) => string,
): string {
  if (audience === "school") return pupil.firstName;
  return standingConsent(pupil.consents, at)?.publishName ? pupil.firstName : anonymousLabel(pupil.position);
}

/** May photos showing this pupil be published? */
export function mayPublishPhotos(consents: readonly ConsentRecord[], at: Date): boolean {
  return standingConsent(consents, at)?.publishPhotos ?? false;
}
