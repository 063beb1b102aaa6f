// The site's public files (public/): icons of the right size, a Dutch manifest in the design's
// colour, and a robots.txt that keeps crawlers out of every page that is not public — checked
// against the route files, so a new signed-in area cannot be forgotten.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { links } from "~/root";

const root = path.resolve(import.meta.dirname, "../..");
const publicFile = (name: string) => path.join(root, "public", name);

/** First URL segments anyone may find in a search engine. */
const PUBLIC = new Set(["", "challenges", "netwerk", "aanmelden"]);

describe("site assets", () => {
  it("has the icons the root links to, at their sizes", async () => {
    const linked = links().filter((l) => "href" in l && l.rel !== "stylesheet") as Array<{ rel: string; href: string; sizes?: string; type?: string }>;
    expect(linked.map((l) => `${l.rel} ${l.href}`)).toEqual([
      "icon /favicon.svg",
      "icon /favicon-32.png",
      "apple-touch-icon /apple-touch-icon.png",
      "manifest /site.webmanifest",
    ]);
    for (const link of linked.filter((l) => l.href.endsWith(".png"))) {
      const meta = await sharp(readFileSync(publicFile(link.href.slice(1)))).metadata();
      expect(`${meta.width}x${meta.height}`, link.href).toBe(link.sizes);
    }
    expect(readFileSync(publicFile("favicon.svg"), "utf8")).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64">/);
  });

  it("has a Dutch web manifest in the header's colour, with icons that exist", async () => {
    const manifest = JSON.parse(readFileSync(publicFile("site.webmanifest"), "utf8")) as {
      name: string; lang: string; theme_color: string; start_url: string; icons: Array<{ src: string; sizes: string }>;
    };
    expect(manifest).toMatchObject({ name: "Vrienden van het Maasdal College", lang: "nl", start_url: "/" });
    const css = readFileSync(path.join(root, "app/styles/app.css"), "utf8");
    expect(css).toContain(`--color-brand-700: ${manifest.theme_color};`);
    for (const icon of manifest.icons.filter((i) => i.src.endsWith(".png"))) {
      const meta = await sharp(readFileSync(publicFile(icon.src.slice(1)))).metadata();
      expect(`${meta.width}x${meta.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it("keeps crawlers out of every signed-in and development area", () => {
    const robots = readFileSync(publicFile("robots.txt"), "utf8");
    const disallowed = [...robots.matchAll(/^Disallow: \/(\S*)$/gm)].map((m) => m[1]!);
    const segments = new Set(
      readdirSync(path.join(root, "app/routes"))
        .map((file) => file.replace(/\.tsx?$/, "").split(".")[0]!)
        .map((first) => (first === "_index" || first === "$" ? "" : first)),
    );
    const hidden = [...segments].filter((s) => !PUBLIC.has(s)).sort();
    expect(hidden).toEqual(expect.arrayContaining(["account", "bedrijf", "bestuur", "dev", "login", "ontwerp", "school", "teams"]));
    expect(hidden.filter((s) => !disallowed.includes(s)), "route areas robots.txt does not keep crawlers out of").toEqual([]);
    expect(disallowed.filter((s) => PUBLIC.has(s)), "public pages hidden from search engines").toEqual([]);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});
