// The design page's upload example (/ontwerp): its files belong to their uploader ("DesignDemo",
// owner = the person's id) and only they can open them. Registered at startup (entry.server).
import { registerFileAccess } from "./files.server";

export const DESIGN_DEMO_OWNER = "DesignDemo";

registerFileAccess(DESIGN_DEMO_OWNER, async (userId, ownerId) => userId !== null && userId === ownerId);
