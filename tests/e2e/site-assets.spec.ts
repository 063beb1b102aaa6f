// The production server serves the files of public/ (copied into the client build): the icons
// every page links to, the manifest and robots.txt, each with its content type.
import { expect, test } from "@playwright/test";

test("every page links the site's icons and manifest, and the server serves them", async ({ page, request }) => {
  await page.goto("/");
  const hrefs = await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"], head link[rel="manifest"]').evaluateAll((links) =>
    links.map((l) => l.getAttribute("href") ?? ""),
  );
  expect(hrefs).toEqual(["/favicon.svg", "/favicon-32.png", "/apple-touch-icon.png", "/site.webmanifest"]);
  const types: Record<string, RegExp> = {
    "/favicon.svg": /^image\/svg\+xml/,
    "/favicon-32.png": /^image\/png/,
    "/apple-touch-icon.png": /^image\/png/,
    "/site.webmanifest": /^application\/manifest\+json/,
    "/robots.txt": /^text\/plain/,
  };
  for (const [path, type] of Object.entries(types)) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(type);
  }
  expect((await (await request.get("/site.webmanifest")).json()).lang).toBe("nl");
  expect(await (await request.get("/robots.txt")).text()).toMatch(/^Disallow: \/bestuur$/m);
});
