// Issue 15, finding 11: the design page's upload example is the board's (or development's), with a
// daily quota; anyone else signed in is refused and nothing is stored.
import { describe, expect, it } from "vitest";
import { DESIGN_DEMO_DAILY_QUOTA, DESIGN_DEMO_OWNER } from "~/modules/files/design-demo.server";
import { action as designAction } from "~/routes/ontwerp";
import { db } from "~/utils/db.server";
import { assignRole, createCompany, createUser } from "../../prisma/factories";
import { args, respond, type CookieJar } from "../support/http";
import { signedIn } from "../support/sessions";

const PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";

function upload(jar: CookieJar, name = "notulen.pdf") {
  const body = new FormData();
  body.set("intent", "upload");
  body.set("file", new File([PDF], name, { type: "application/pdf" }));
  return new Request("http://localhost/ontwerp", { method: "POST", body, headers: { Cookie: jar.header() } });
}

describe("/ontwerp upload example", () => {
  it("refuses a signed-in company contact with 403 and stores nothing", async () => {
    const company = await createCompany(db);
    const contact = await createUser(db);
    await assignRole(db, contact.id, "COMPANY_CONTACT", { companyId: company.id });
    const jar = await signedIn(contact.id);
    const res = await respond(() => designAction(args(upload(jar))));
    expect(res.status).toBe(403);
    expect(await db.storedFile.count({ where: { ownerType: DESIGN_DEMO_OWNER, ownerId: contact.id } })).toBe(0);
  });

  it("lets a board member upload a few a day, then refuses with a field error", async () => {
    const board = await createUser(db);
    await assignRole(db, board.id, "BOARD");
    const jar = await signedIn(board.id);
    for (let i = 0; i < DESIGN_DEMO_DAILY_QUOTA; i++) {
      const ok = await respond(() => designAction(args(upload(jar, `verslag-${i}.pdf`))));
      expect(ok.status).toBe(302);
    }
    const refused = await respond(() => designAction(args(upload(jar, "een-te-veel.pdf"))));
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.file).toEqual([`design:errors.uploadQuota?max=${DESIGN_DEMO_DAILY_QUOTA}`]);
    expect(await db.storedFile.count({ where: { ownerType: DESIGN_DEMO_OWNER, ownerId: board.id } })).toBe(DESIGN_DEMO_DAILY_QUOTA);
  });
});
