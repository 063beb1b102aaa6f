import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

/** A short, readable name for a browser from its user agent. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return "?";
  const browser = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "Browser";
  const os = /Android/.test(userAgent)
    ? "Android"
    : /iPhone|iPad/.test(userAgent)
      ? "iOS"
      : /Windows/.test(userAgent)
        ? "Windows"
        : /Mac OS X/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  return os ? `${browser} · ${os}` : browser;
}

export async function listActiveSessions(userId: string) {
  const sessions = await db.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, userAgent: true },
    take: 20,
  });
  return sessions.map((s) => ({ id: s.id, createdAt: s.createdAt.toISOString(), device: describeDevice(s.userAgent) }));
}
