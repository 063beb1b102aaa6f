// The one place code reads the time, so tests can set it.
type Clock = () => Date;

const systemClock: Clock = () => new Date();
let current: Clock = systemClock;

export function now(): Date {
  return current();
}

/** Tests: fix the time (a Date) or supply a clock function; call `resetClock()` afterwards. */
export function setClock(clock: Date | Clock): void {
  current = typeof clock === "function" ? clock : () => new Date(clock.getTime());
}

export function resetClock(): void {
  current = systemClock;
}
