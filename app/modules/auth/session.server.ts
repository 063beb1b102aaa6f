// Server-side sessions. The cookie holds a random token (signed); the database holds its hash,
// so signing out, signing out everywhere and disabling an account end a session at once.
import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/enums";
import { now } from "~/utils/clock.server";
import { hashSecret, randomToken } from "~/utils/crypto.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { can, type Permission, type RoleGrant, type Scope } from "./permissions";

const HOUR = 3_600_000;
/** Adults: a day without activity, or two weeks in all. Pupils (often on shared school PCs): 2 h / 12 h. */
export const SESSION_TIMEOUTS = {
  adult: { idleMs: 24 * HOUR, absoluteMs: 14 * 24 * HOUR },
  pupil: { idleMs: 2 * HOUR, absoluteMs: 12 * HOUR },
};
/** Activity is written at most this often (reading pages must not write on every request). */
const TOUCH_EVERY_MS = 5 * 60_000;

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  const env = getEnv();
  cookie ??= createCookie("vv_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.APP_URL.startsWith("https:"),
    secrets: [env.sessionSecret],
  });
  return cookie;
}

export type UserRole = RoleGrant & { organisation: string | null };

export type AuthUser = {
  id: string;
  name: string;
  email: string | null;
  locale: string;
  roles: UserRole[];
  activeRole: UserRole | null;
  sessionId: string;
};

const requestCache = new WeakMap<Request, Promise<AuthUser | null>>();

type SessionRow = {
  sessionId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  activeRoleId: string | null;
  userId: string;
  name: string;
  email: string | null;
  locale: string;
  disabledAt: Date | null;
  roleId: string | null;
  role: string | null;
  companyId: string | null;
  schoolId: string | null;
  editionId: string | null;
  organisation: string | null;
};

async function readToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

const isPupil = (roles: { role: Role }[]) => roles.length > 0 && roles.every((r) => r.role === "PUPIL");

async function loadUser(request: Request): Promise<AuthUser | null> {
  const token = await readToken(request);
  if (!token) return null;
  // One query for the session, the person and their roles (every signed-in request runs it).
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id AS "sessionId", s."lastSeenAt", s."expiresAt", s."revokedAt", s."activeRoleId",
           u.id AS "userId", u.name, u.email, u.locale, u."disabledAt",
           r.id AS "roleId", r.role::text AS role, r."companyId", r."schoolId", r."editionId",
           COALESCE(c.name, sc.name, e.name) AS organisation
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "RoleAssignment" r ON r."userId" = u.id
    LEFT JOIN "Company" c ON c.id = r."companyId"
    LEFT JOIN "School" sc ON sc.id = r."schoolId"
    LEFT JOIN "Edition" e ON e.id = r."editionId"
    WHERE s."tokenHash" = ${hashSecret(token)}
    ORDER BY r."createdAt" ASC, r.id ASC`;
  const first = rows[0];
  if (!first || first.revokedAt || first.disabledAt) return null;
  const roles: UserRole[] = rows
    .filter((r) => r.roleId !== null)
    .map((r) => ({ id: r.roleId!, role: r.role as Role, companyId: r.companyId, schoolId: r.schoolId, editionId: r.editionId, organisation: r.organisation }));
  const at = now();
  const timeouts = isPupil(roles) ? SESSION_TIMEOUTS.pupil : SESSION_TIMEOUTS.adult;
  if (first.expiresAt <= at || at.getTime() - first.lastSeenAt.getTime() > timeouts.idleMs) return null;
  if (at.getTime() - first.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Sliding idle timeout; throttled so a page view writes at most once per few minutes.
    await db.session.updateMany({ where: { id: first.sessionId, revokedAt: null }, data: { lastSeenAt: at } });
  }
  const session = { id: first.sessionId, activeRoleId: first.activeRoleId, user: { id: first.userId, name: first.name, email: first.email, locale: first.locale } };
  return {
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    locale: session.user.locale,
    roles,
    activeRole: roles.find((r) => r.id === session.activeRoleId) ?? roles[0] ?? null,
    sessionId: session.id,
  };
}

/** The signed-in person, or null. Cached per request. */
export function getOptionalUser(request: Request): Promise<AuthUser | null> {
  let cached = requestCache.get(request);
  if (!cached) {
    cached = loadUser(request);
    requestCache.set(request, cached);
  }
  return cached;
}

export async function getOptionalUserId(request: Request): Promise<string | null> {
  return (await getOptionalUser(request))?.id ?? null;
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** The signed-in person; anyone else is sent to the sign-in page (and back afterwards). */
export async function requireUser(request: Request): Promise<AuthUser> {
  const user = await getOptionalUser(request);
  if (!user) signInRedirect(request);
  return user;
}

export function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Throws 403 unless one of the person's roles allows `permission` on `scope`. */
export async function requireUserWithPermission(request: Request, permission: Permission, scope: Scope = {}) {
  const user = await requireUser(request);
  if (!can(user.roles, permission, scope)) forbidden();
  return user;
}

export async function requireRole(request: Request, role: Role): Promise<AuthUser> {
  const user = await requireUser(request);
  if (!user.roles.some((r) => r.role === role)) forbidden();
  return user;
}

/**
 * Starts a new session (always a new id: signing in never reuses an earlier session) and ends
 * the one this browser had. Returns the Set-Cookie header.
 */
export async function createUserSession(
  request: Request,
  userId: string,
  client: Tx = db,
): Promise<string> {
  const at = now();
  const previous = await readToken(request);
  if (previous) {
    await client.session.updateMany({ where: { tokenHash: hashSecret(previous), revokedAt: null }, data: { revokedAt: at } });
  }
  const roles = await client.roleAssignment.findMany({ where: { userId }, select: { role: true } });
  const timeouts = roles.length > 0 && roles.every((r) => r.role === "PUPIL") ? SESSION_TIMEOUTS.pupil : SESSION_TIMEOUTS.adult;
  const token = randomToken();
  await client.session.create({
    data: {
      tokenHash: hashSecret(token),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + timeouts.absoluteMs),
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie().serialize(token, { maxAge: Math.floor(timeouts.absoluteMs / 1000) });
}

/** Ends this browser's session. Returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  if (token) {
    await db.session.updateMany({ where: { tokenHash: hashSecret(token), revokedAt: null }, data: { revokedAt: now() } });
  }
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a person (sign out everywhere; disabling an account). */
export async function endAllSessions(userId: string, client: Tx = db): Promise<number> {
  const result = await client.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now() } });
  return result.count;
}

/** Acts in one of the person's own roles from now on (start page, navigation). */
export async function switchActiveRole(user: AuthUser, roleId: string): Promise<boolean> {
  if (!user.roles.some((r) => r.id === roleId)) return false;
  await db.session.update({ where: { id: user.sessionId }, data: { activeRoleId: roleId } });
  return true;
}
