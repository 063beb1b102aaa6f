// The design page's upload example (/ontwerp): its files belong to their uploader ("DesignDemo",
// owner = the person's id) and only they can open them. Registered at startup (entry.server).
// Only the board (or anyone while developing) may try it, a few files a day, so the public
// design page is no free file store.
import { hitRateLimit } from "~/modules/auth/rate-limit.server";
import { isBoard, type RoleGrant } from "~/modules/auth/permissions";
import { getEnv } from "~/utils/env.server";
import { registerFileAccess, storeUpload, type StoreUploadResult } from "./files.server";

export const DESIGN_DEMO_OWNER = "DesignDemo";
/** Demo uploads per person per day. */
export const DESIGN_DEMO_DAILY_QUOTA = 5;

registerFileAccess(DESIGN_DEMO_OWNER, async (userId, ownerId) => userId !== null && userId === ownerId);

export function mayUploadDesignDemo(user: { roles: readonly RoleGrant[] }): boolean {
  return isBoard(user.roles) || getEnv().NODE_ENV === "development";
}

export type DesignDemoUploadResult = StoreUploadResult | { ok: false; reason: "quota"; errorKey: string };

/** Stores the demo file when the person's daily quota allows (counted atomically in PostgreSQL). */
export async function storeDesignDemoUpload(userId: string, file: File, locale: string): Promise<DesignDemoUploadResult> {
  const quota = await hitRateLimit(`design-demo:user:${userId}`, { limit: DESIGN_DEMO_DAILY_QUOTA, windowMs: 24 * 60 * 60_000 });
  if (!quota.allowed) return { ok: false, reason: "quota", errorKey: `design:errors.uploadQuota?max=${DESIGN_DEMO_DAILY_QUOTA}` };
  return storeUpload({ file, kind: "DOCUMENT", ownerType: DESIGN_DEMO_OWNER, ownerId: userId, uploadedById: userId }, locale);
}
