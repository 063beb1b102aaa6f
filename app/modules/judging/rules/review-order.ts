// Rule 7 — the order in which a juror sees their assigned entries.
//
// Every juror gets their own random order, so that no entry is always scored first (when the
// juror is fresh) or last (when tired) by everyone. The order is fixed for that juror in that
// edition: seeded by juror id + edition id, it is the same on every page load and on every
// machine, and it differs between jurors. Each entry's place comes from its own seeded key
// (seeded.ts), so when an entry is added to or taken off a juror's list the others keep their
// order relative to each other. Duplicate ids are listed once.
import { seededOrder } from "./seeded";

/** The juror's own fixed random order of the entry ids. */
export function reviewOrder(jurorId: string, editionId: string, entryIds: readonly string[]): string[] {
  return seededOrder(entryIds, "review-order", editionId, jurorId);
}
