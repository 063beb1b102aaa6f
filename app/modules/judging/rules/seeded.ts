// Deterministic "randomness" for the judging rules: a 53-bit string hash (no Math.random, no
// clock), so the same inputs and seed always give the same result on every machine and in every
// test. Rule: seededKey(parts…) hashes the parts joined with a NUL character (so ["ab", "c"] and
// ["a", "bc"] differ); ordering things by their key is a shuffle that is fixed for that seed and
// that keeps the relative order of the others when one thing is added or removed.
// The hash mixes two 32-bit lanes (an FNV-1a style lane and a multiply–xorshift lane) and ends
// with a 32-bit avalanche step; it spreads well but is no cryptographic hash: it only has to make
// orders look unrelated, not be unguessable.

function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 53-bit unsigned hash of a string (an integer 0 ≤ h < 2⁵³, exact in a JS number). */
export function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hi = avalanche(a ^ Math.imul(b, 0x27d4eb2d));
  const lo = avalanche(b ^ hi);
  return (hi & 0x1fffff) * 0x1_0000_0000 + lo;
}

/** The sort key of a thing under a seed: hash53 of the parts joined by NUL. */
export function seededKey(...parts: readonly string[]): number {
  return hash53(parts.join("\u0000"));
}

/** The ids ordered by their seeded key (ties, which are very rare, by id): a stable shuffle. */
export function seededOrder(ids: readonly string[], ...seed: readonly string[]): string[] {
  const keys = new Map(ids.map((id) => [id, seededKey(...seed, id)]));
  return [...new Set(ids)].sort((x, y) => keys.get(x)! - keys.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
}
