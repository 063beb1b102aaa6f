// The shared rendering of public pages (app/server/shared-pages.ts): who shares a rendering, for
// how long, that every answer still gets its own nonce, and that a post is seen at once.
import { describe, expect, it } from "vitest";
import { createSharedPages, isShareable } from "~/server/shared-pages";
import type { ServerBuild } from "@remix-run/node";
import { createAppHandler } from "~/server/handler";
import { getEnv } from "~/utils/env.server";
import { bootApp, request } from "../guards/harness";

const url = (path: string) => `http://localhost:3000${path}`;
const get = (path: string, headers: Record<string, string> = {}) => new Request(url(path), { headers });

/** A page as entry.server renders it: its nonce in the CSP header and in the script tags. */
function page(text: string, init: { status?: number; headers?: Record<string, string> } = {}) {
  const nonce = `n${Math.random().toString(36).slice(2)}==`;
  return new Response(`<html><script nonce="${nonce}">1</script><p>${text}</p><script nonce="${nonce}">2</script></html>`, {
    status: init.status ?? 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}'`,
      "Cache-Control": "no-cache",
      ...init.headers,
    },
  });
}

function renderer(make: (n: number) => Response = (n) => page(`rendering ${n}`)) {
  const calls = { count: 0 };
  const render = async (_request: Request) => make(++calls.count);
  return { calls, render };
}

const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1];

describe("shared rendering of public pages", () => {
  it("renders a public page once for anonymous visitors within the period, each answer with its own nonce", async () => {
    const clock = { now: 1_000 };
    const shared = createSharedPages(1_000, { now: () => clock.now });
    const { calls, render } = renderer();
    const first = await shared.respond(get("/"), render);
    clock.now += 999;
    const second = await shared.respond(get("/"), render);
    expect(calls.count).toBe(1);
    const [a, b] = [await first.text(), await second.text()];
    const [na, nb] = [nonceOf(first)!, nonceOf(second)!];
    expect(na).toBeTruthy();
    expect(nb).toBeTruthy();
    expect(nb).not.toBe(na);
    // The body carries the answer's own nonce, everywhere the page had one.
    expect(b).toContain(`nonce="${nb}"`);
    expect(b).not.toContain(na);
    expect(b.replaceAll(nb, "N")).toBe(a.replaceAll(na, "N"));
    clock.now += 1;
    await shared.respond(get("/"), render);
    expect(calls.count).toBe(2);
  });

  it("never shares a page with a visitor who sends a cookie or credentials", async () => {
    const shared = createSharedPages(60_000);
    const { calls, render } = renderer();
    await shared.respond(get("/"), render);
    await shared.respond(get("/", { Cookie: "__session=abc" }), render);
    await shared.respond(get("/", { Authorization: "Bearer x" }), render);
    expect(calls.count).toBe(3);
  });

  it("shares only the listed public pages, never a token's address or a signed-in page", async () => {
    for (const path of ["/", "/netwerk", "/challenges", "/challenges/young-solar-challenge", "/challenges/young-solar-challenge/2027", "/challenges/young-solar-challenge/2027/uitslag", "/aanmelden", "/login", "/challenges?_data=routes%2Fchallenges._index"]) {
      expect(isShareable(get(path)), path).toBe(true);
    }
    for (const path of ["/invitation/abc", "/login/confirm/abc", "/factuur/abc", "/toestemming/abc", "/bestuur/facturen", "/teams", "/dev/mailbox", "/healthz"]) {
      expect(isShareable(get(path)), path).toBe(false);
    }
    expect(isShareable(new Request(url("/"), { method: "POST" }))).toBe(false);
  });

  it("stores no answer that is not a plain 200 page or data for everyone", async () => {
    const shared = createSharedPages(60_000);
    const cases: Array<Record<string, string> | number> = [404, { "Set-Cookie": "a=b" }, { "Cache-Control": "private, no-cache" }, { "Cache-Control": "no-store" }, { "Content-Type": "application/pdf" }];
    for (const c of cases) {
      const { calls, render } = renderer(() => (typeof c === "number" ? page("x", { status: c }) : page("x", { headers: c })));
      await shared.respond(get("/netwerk"), render);
      await shared.respond(get("/netwerk"), render);
      expect(calls.count, JSON.stringify(c)).toBe(2);
    }
  });

  it("keeps separate renderings per address, query included", async () => {
    const shared = createSharedPages(60_000);
    const { calls, render } = renderer();
    await shared.respond(get("/challenges"), render);
    await shared.respond(get("/challenges?_data=routes%2Fchallenges._index"), render);
    await shared.respond(get("/challenges"), render);
    expect(calls.count).toBe(2);
  });

  it("shows a change at once: a post empties the store, and a rendering that overlapped a post is not kept", async () => {
    const shared = createSharedPages(60_000);
    const { calls, render } = renderer();
    await shared.respond(get("/"), render);
    await shared.respond(new Request(url("/aanmelden"), { method: "POST" }), async () => new Response(null, { status: 302 }));
    await shared.respond(get("/"), render);
    expect(calls.count).toBe(2);

    // A rendering of "/" that is still running while a post completes.
    let release!: () => void;
    const slow = async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return page("old data");
    };
    const shared2 = createSharedPages(60_000);
    const pending = shared2.respond(get("/"), slow);
    await shared2.respond(new Request(url("/login"), { method: "POST" }), async () => new Response(null, { status: 302 }));
    release();
    expect(await (await pending).text()).toContain("old data");
    const after = renderer(() => page("new data"));
    expect(await (await shared2.respond(get("/"), after.render)).text()).toContain("new data");
    expect(after.calls.count).toBe(1);
  });

  it("lets requests that arrive during a rendering wait for it instead of rendering again", async () => {
    const shared = createSharedPages(60_000);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = { count: 0 };
    const render = async () => {
      calls.count++;
      await gate;
      return page("once");
    };
    const answers = Array.from({ length: 8 }, () => shared.respond(get("/challenges"), render));
    release();
    const responses = await Promise.all(answers);
    expect(calls.count).toBe(1);
    expect(new Set(responses.map(nonceOf)).size).toBe(8);
  });

  it("is off with a period of 0", async () => {
    const shared = createSharedPages(0);
    const { calls, render } = renderer();
    await shared.respond(get("/"), render);
    await shared.respond(get("/"), render);
    expect(calls.count).toBe(2);
  });
});

describe("the shared rendering in the app's pipeline", () => {
  it("gives each anonymous visitor of the home page a nonce of their own, in the header and the page", async () => {
    const app = await bootApp();
    const first = await request(app, "/");
    const second = await request(app, "/");
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const [a, b] = [await first.text(), await second.text()];
    const [na, nb] = [nonceOf(first)!, nonceOf(second)!];
    expect(na).not.toBe(nb);
    expect(a).toContain(`nonce="${na}"`);
    expect(b).toContain(`nonce="${nb}"`);
    expect(b).not.toContain(na);
    // The security headers are on the shared answer too.
    expect(second.headers.get("X-Frame-Options")).toBe("DENY");
    expect(second.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("/healthz in production", () => {
  it("is answered before Remix matches routes, with the security headers", async () => {
    const app = await bootApp();
    // The production build object with only the root route: Remix itself has no /healthz to answer.
    const build = { ...app.build, routes: { root: app.build.routes.root } } as unknown as ServerBuild;
    const handler = createAppHandler(build, { ...getEnv(), NODE_ENV: "production" });
    const res = await handler(new Request("http://localhost:3000/healthz"));
    expect(res.status).toBe(200);
    expect((await res.json()).database.ok).toBe(true);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    // Other addresses still go to Remix (here: no route matches).
    expect((await handler(new Request("http://localhost:3000/healthz/x"))).status).not.toBe(200);
  });
});
