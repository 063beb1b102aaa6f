// The one set of access checks every loader and action uses (issue 14.3). Two kinds:
//  - by role and scope: requireBoard, requireAnyRole, requireSchoolContact (and, in
//    session.server.ts, requireUser / requireRole / requireUserWithPermission);
//  - by object ownership: requireCompanyAccess, requireScopedAccess — the person may act on an
//    object of this company or school, and anyone else gets 404, so the object does not exist for
//    them. Queries that list objects put the owner in their `where` (see the modules).
// Routes import from here (or session.server.ts), never write their own checks.
import type { Role } from "~/generated/prisma/enums";
import { ID_PATTERN } from "~/utils/input";
import { can, isBoard, type Permission, type Scope } from "./permissions";
import { forbidden, notFound, requireRole, requireUser, type AuthUser } from "./session.server";

export { forbidden, notFound, requireRole, requireUser, requireUserWithPermission, type AuthUser } from "./session.server";

/** The board; anyone else signed in gets 403, strangers go to sign in. */
export function requireBoard(request: Request): Promise<AuthUser> {
  return requireRole(request, "BOARD");
}

/** A person with at least one of `roles` (any scope); anyone else signed in gets 403. */
export async function requireAnyRole(request: Request, roles: readonly Role[]): Promise<AuthUser> {
  const user = await requireUser(request);
  if (!user.roles.some((r) => roles.includes(r.role))) forbidden();
  return user;
}

/**
 * A person whose roles allow `permission` on the object's scope (company or school); anyone
 * else gets 404 rather than 403, so the object does not reveal that it exists.
 */
export async function requireScopedAccess(request: Request, permission: Permission, scope: Scope): Promise<AuthUser> {
  const user = await requireUser(request);
  if (!can(user.roles, permission, scope)) notFound();
  return user;
}

/** True when the person may see objects of the company (the board, or a contact of it). */
export function canSeeCompany(user: Pick<AuthUser, "roles">, companyId: string): boolean {
  return can(user.roles, "company:read", { companyId });
}

export type CompanyAccess = { user: AuthUser; companyId: string; board: boolean };

/** An id from the address (a route parameter or query value): 404 when it cannot be an id, so it never reaches a query. */
export function idParam(value: string | null | undefined): string {
  if (!value || !ID_PATTERN.test(value)) notFound();
  return value;
}

/**
 * A company's own pages (/bedrijf/<id>/…): the board and the contacts of that company. Anyone
 * else signed in gets 404; a malformed id too.
 */
export async function requireCompanyAccess(request: Request, companyId: string | undefined): Promise<CompanyAccess> {
  const user = await requireUser(request);
  const id = idParam(companyId);
  if (!canSeeCompany(user, id)) notFound();
  return { user, companyId: id, board: isBoard(user.roles) };
}

/**
 * The school a school contact acts for: the active role's school when that is a school-contact
 * role, else their first school-contact role. Null for anyone else.
 */
export function contactSchoolIdOf(user: Pick<AuthUser, "roles" | "activeRole">): string | null {
  if (user.activeRole?.role === "SCHOOL_CONTACT") return user.activeRole.schoolId;
  return user.roles.find((r) => r.role === "SCHOOL_CONTACT")?.schoolId ?? null;
}

/** The school contact and the school they act for; anyone else signed in gets 403. */
export async function requireSchoolContact(request: Request): Promise<{ user: AuthUser; schoolId: string }> {
  const user = await requireUser(request);
  const schoolId = contactSchoolIdOf(user);
  if (!schoolId) forbidden();
  return { user, schoolId };
}
