// Helpers for writing access-matrix rows (core rows in access-matrix.ts, areas in areas/*.ts).
import { resources } from "~/i18n/config";
import type { Cells, Expect } from "./access-matrix";
import { ROLE_FIXTURES, type RoleFixture } from "./roles";
import type { World } from "./world";

/** A text of the Dutch interface (the default language): the "marker" of public pages. */
export function text(namespace: string, key: string): string {
  let node: unknown = resources.nl[namespace];
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`no Dutch text ${namespace}:${key}`);
  return node;
}

export const everyone = <E extends Expect>(expect: E): Record<RoleFixture, E> =>
  Object.fromEntries(ROLE_FIXTURES.map((role) => [role, expect])) as Record<RoleFixture, E>;

/** The person's own name: what pages about "me" show. */
export const ownName = (w: World, role: RoleFixture) => (role === "anonymous" ? undefined : w.markers[role]);
export const marker = (name: string) => (w: World) => {
  const value = w.markers[name];
  if (!value) throw new Error(`the world has no marker "${name}"`);
  return value;
};

export const SIGNED_IN_GOES_TO_DASHBOARD = {
  anonymous: 200, board: "redirect:/dashboard", contactA: "redirect:/dashboard", contactB: "redirect:/dashboard",
  schoolContactA: "redirect:/dashboard", schoolContactB: "redirect:/dashboard", teacherA: "redirect:/dashboard",
  teacherB: "redirect:/dashboard", pupilA: "redirect:/dashboard", jurorA: "redirect:/dashboard", officialA: "redirect:/dashboard",
} as const satisfies Cells;


/** Build a row's cells from a default and the exceptions: cellsOf("login", { board: 200 }). */
export function cellsOf<E extends Expect>(rest: E, some: Partial<Record<RoleFixture, Expect>>): Cells {
  return { ...everyone(rest), ...some } as Cells;
}
