// Who may read the stored files of the challenges capability (registered at start-up through
// app/entry.server.tsx): a challenge's image is public (it is on the public pages); a school's
// data agreement only for the board and that school's contacts.
import { registerFileAccess } from "~/modules/files/files.server";
import { CHALLENGE_IMAGE_OWNER } from "./editions.server";
import { AGREEMENT_OWNER, canSeeAgreement } from "./schools.server";

registerFileAccess(CHALLENGE_IMAGE_OWNER, async () => true);
registerFileAccess(AGREEMENT_OWNER, canSeeAgreement);
