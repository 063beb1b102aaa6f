// The one place code reads the time, so tests can set it. The clock lives on globalThis so that
// every copy of this module in a process (the app build and a test's own imports) agrees.
type Clock = () => Date;

const systemClock: Clock = () => new Date();
const store = globalThis as unknown as { __vriendenClock?: Clock };

export function now(): Date {
  return (store.__vriendenClock ?? systemClock)();
}

/** Tests: fix the time (a Date) or supply a clock function; call `resetClock()` afterwards. */
export function setClock(clock: Date | Clock): void {
  store.__vriendenClock = typeof clock === "function" ? clock : () => new Date(clock.getTime());
}

export function resetClock(): void {
  store.__vriendenClock = undefined;
}
