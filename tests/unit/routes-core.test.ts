import { describe, expect, it } from "vitest";
import { loader as splatLoader } from "~/routes/$";
import { loader as healthLoader } from "~/routes/healthz";
import { action as languageAction } from "~/routes/language";
import { loader as rootLoader } from "~/root";

const args = (request: Request) => ({ request, params: {}, context: {} });

describe("/healthz", () => {
  it("reports the database as ok with its applied migrations", async () => {
    const res = await healthLoader();
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.migrations).toBeGreaterThanOrEqual(1);
  });
});

describe("unknown pages", () => {
  it("answer 404", async () => {
    const thrown = await splatLoader().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });
});

describe("language choice", () => {
  it("is Dutch by default", async () => {
    const res = await rootLoader(args(new Request("http://localhost/")));
    expect((await res.json()).lang).toBe("nl");
  });

  it("ignores the browser's Accept-Language: Dutch unless chosen", async () => {
    const res = await rootLoader(args(new Request("http://localhost/", { headers: { "Accept-Language": "en-GB" } })));
    expect((await res.json()).lang).toBe("nl");
  });

  it("remembers English in a cookie and goes back to the page", async () => {
    const body = new URLSearchParams({ lang: "en", redirectTo: "/x?y=1" });
    const res = await languageAction(args(new Request("http://localhost/language", { method: "POST", body })));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/x?y=1");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^lng=/);
    const next = await rootLoader(args(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } })));
    expect((await next.json()).lang).toBe("en");
  });

  it("refuses an unknown language and an off-site redirect", async () => {
    const body = new URLSearchParams({ lang: "xx", redirectTo: "https://evil.example" });
    const res = await languageAction(args(new Request("http://localhost/language", { method: "POST", body })));
    expect(res.headers.get("Location")).toBe("/");
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});
