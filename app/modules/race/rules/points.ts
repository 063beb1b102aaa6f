// Points per place, from the points table the board publishes before race day.
//
// The table gives the points of place 1, 2, 3, …; places beyond the table get 0. A table is
// non-empty (at most 100 places), each value a finite number ≥ 0, and never higher than the
// place before it (a better place never earns fewer points).
//
// Shared places: the teams that share a place share the points of the places they fill
// together, averaged. Two teams sharing place 2 of 10, 8, 6, … fill places 2 and 3 and each get
// (8 + 6) / 2 = 7; the total handed out stays the same as without the tie, so a tie neither
// creates nor destroys points (the other common rule, "each gets the higher", would give both 8
// and reward a tie over a close finish). Averages can have decimals (5.5); they are not rounded
// here: the page shows them with one decimal.
//
// Entries without a place (a team without a valid run under NO_POINTS, a team the jury did not
// rank) get 0 points.

export type PointsTable = readonly number[];

/** The example table of the issue and the default of a new edition. */
export const DEFAULT_POINTS_TABLE: PointsTable = [10, 8, 6, 5, 4, 3, 2, 1];
export const MAX_POINTS_TABLE_PLACES = 100;

/** Throws a RangeError for a table the board could not publish (see the rule above). */
export function checkPointsTable(table: PointsTable): void {
  if (table.length === 0) throw new RangeError("a points table needs at least one place");
  if (table.length > MAX_POINTS_TABLE_PLACES) throw new RangeError(`a points table has at most ${MAX_POINTS_TABLE_PLACES} places`);
  table.forEach((p, i) => {
    if (!Number.isFinite(p) || p < 0) throw new RangeError(`place ${i + 1}: points must be a finite number ≥ 0, got ${p}`);
    if (i > 0 && p > table[i - 1]!) throw new RangeError(`place ${i + 1} gets more points (${p}) than place ${i} (${table[i - 1]})`);
  });
}

/** The points of one place shared by `sharedBy` entries (1 when not shared). */
export function pointsForPlace(table: PointsTable, place: number, sharedBy = 1): number {
  if (!Number.isSafeInteger(place) || place < 1) throw new RangeError(`a place is a whole number ≥ 1, got ${place}`);
  if (!Number.isSafeInteger(sharedBy) || sharedBy < 1) throw new RangeError(`sharedBy is a whole number ≥ 1, got ${sharedBy}`);
  let sum = 0;
  for (let p = place; p < place + sharedBy; p++) sum += table[p - 1] ?? 0;
  return sum / sharedBy;
}

/** Points per id for a list of places (null: no place, 0 points); shared places averaged. */
export function pointsByPlace(entries: ReadonlyArray<{ id: string; place: number | null }>, table: PointsTable): Map<string, number> {
  checkPointsTable(table);
  const sharing = new Map<number, number>();
  for (const e of entries) if (e.place !== null) sharing.set(e.place, (sharing.get(e.place) ?? 0) + 1);
  return new Map(entries.map((e) => [e.id, e.place === null ? 0 : pointsForPlace(table, e.place, sharing.get(e.place)!)]));
}
