// Who may do what, per role and scope. Pure functions: the server checks them in every loader
// and action; the UI uses them only to hide what a role may not do.
import type { Role } from "~/generated/prisma/enums";

/** One role of a person with its scope: a company, a school, or (JUROR, OFFICIAL) the edition they judge or officiate. */
export type RoleGrant = { id: string; role: Role; companyId: string | null; schoolId: string | null; editionId?: string | null };
export type Scope = { companyId?: string | null; schoolId?: string | null; editionId?: string | null };

export const PERMISSIONS = {
  BOARD: ["*"],
  COMPANY_CONTACT: ["company:read", "company:edit", "invoice:read", "invoice:pay", "case:submit", "meeting:register"],
  SCHOOL_CONTACT: ["school:read", "school:approve-teachers", "school:data-agreement", "pupil:read"],
  TEACHER: ["school:read", "team:manage", "pupil:manage", "pupil:read"],
  JUROR: ["entry:score"],
  PUPIL: ["team:read-own", "submission:upload"],
  /** Race-day official of one edition (ADR 0009): enters runs until the board closes the race. */
  OFFICIAL: ["run:enter"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = Exclude<(typeof PERMISSIONS)[Role][number], "*"> | "board";

function grantCovers(grant: RoleGrant, permission: Permission, scope: Scope): boolean {
  const allowed: readonly string[] = PERMISSIONS[grant.role];
  if (allowed.includes("*")) return true;
  if (!allowed.includes(permission)) return false;
  if (grant.role === "COMPANY_CONTACT") return !!scope.companyId && scope.companyId === grant.companyId;
  if (grant.role === "SCHOOL_CONTACT" || grant.role === "TEACHER") return !!scope.schoolId && scope.schoolId === grant.schoolId;
  if (grant.role === "JUROR" || grant.role === "OFFICIAL") return !!scope.editionId && scope.editionId === grant.editionId;
  return false;
}

/** True when any of the person's roles allows `permission` on the object's scope. */
export function can(grants: readonly RoleGrant[], permission: Permission, scope: Scope = {}): boolean {
  return grants.some((g) => grantCovers(g, permission, scope));
}

export function isBoard(grants: readonly RoleGrant[]): boolean {
  return grants.some((g) => g.role === "BOARD");
}

/** Every role's start page. */
export const ROLE_HOME: Record<Role, string> = {
  BOARD: "/dashboard",
  COMPANY_CONTACT: "/dashboard",
  SCHOOL_CONTACT: "/dashboard",
  TEACHER: "/dashboard",
  JUROR: "/jury",
  PUPIL: "/dashboard",
  OFFICIAL: "/dashboard",
};
