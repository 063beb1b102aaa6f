import { describe, expect, it } from "vitest";
import { getDb } from "~/utils/db.server";
import { bootApp, request } from "./harness";
import { createWorld } from "./world";

describe("guard harness", () => {
  it("boots the app with its route manifest and serves pages per role", async () => {
    const app = await bootApp();
    const world = await createWorld(getDb());
    expect(app.routes.map((r) => r.pattern)).toContain("/bestuur/mensen");
    const asBoard = await request(app, "/bestuur/mensen", { cookie: world.cookies.board });
    expect(asBoard.status).toBe(200);
    expect(await asBoard.text()).toContain(world.markers.contactA);
    const asContact = await request(app, "/bestuur/mensen?_data=routes/bestuur.mensen", { cookie: world.cookies.contactA });
    expect(asContact.status).toBe(403);
    const anonymous = await request(app, "/bestuur/mensen");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Content-Security-Policy")).toContain("frame-ancestors");
  }, 60_000);
});
