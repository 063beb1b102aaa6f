// Issue 15, finding 1: every request body is capped while it is read (small for forms, the upload's
// limit on upload routes), with 413 and a page in the client's language when it is over.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyLimitFor, FORM_BODY_LIMIT, UPLOAD_ROUTES, withBodyLimit } from "~/server/body-limit";
import { sendWebResponse, toWebRequest } from "~/server/http";

let server: Server;
let port = 0;
const seen: number[] = [];

beforeAll(async () => {
  // The same composition as app/server/main.ts; the "app" reads the form as readForm does.
  server = createServer(async (req, res) => {
    const response = await withBodyLimit(req, async () => {
      const request = toWebRequest(req, res, "http://localhost");
      try {
        const form = await request.formData();
        seen.push([...form.values()].length);
        return new Response("ok");
      } catch {
        return new Response("Bad Request: the body is not a form", { status: 400 });
      }
    });
    await sendWebResponse(res, response, req.method);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

/** Posts `size` bytes in 64 KB chunks; `declared`: with Content-Length, else chunked. */
function send(pathname: string, size: number, options: { declared: boolean; type?: string; language?: string }) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string> = { "Content-Type": options.type ?? "application/x-www-form-urlencoded" };
    if (options.declared) headers["Content-Length"] = String(size);
    if (options.language) headers["Accept-Language"] = options.language;
    const req = httpRequest({ host: "127.0.0.1", port, path: pathname, method: "POST", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    chunk.write("name=");
    let sent = 0;
    const write = () => {
      while (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

function multipart(size: number) {
  const boundary = "----vv-test";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="logo"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return { type: `multipart/form-data; boundary=${boundary}`, head, tail, size: size + head.length + tail.length };
}

describe("request body limits", () => {
  it("a 2 MB form post to /login is refused with 413 and a Dutch page, declared or not", async () => {
    const declared = await send("/login", 2 * 1024 * 1024, { declared: true });
    expect(declared.status).toBe(413);
    expect(declared.text).toContain("Te veel gegevens verstuurd");
    expect(declared.text).toContain("Er is niets opgeslagen");
    const chunked = await send("/login", 2 * 1024 * 1024, { declared: false, language: "en-GB,en;q=0.8" });
    expect(chunked.status).toBe(413);
    expect(chunked.text).toContain("Too much data sent");
  });

  it("ordinary forms and uploads within their limit pass", async () => {
    expect((await send("/login", 10 * 1024, { declared: true })).status).toBe(200);
    expect((await send("/language", FORM_BODY_LIMIT - 10, { declared: false })).status).toBe(200);
    // 1.5 MB to the company application, whose logo may be 2 MB: the app reads it.
    const logo = multipart(1.5 * 1024 * 1024);
    const ok = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/aanmelden", method: "POST", headers: { "Content-Type": logo.type } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write(logo.head);
      req.write(Buffer.alloc(1.5 * 1024 * 1024, 1));
      req.end(logo.tail);
    });
    expect(ok).toBe(200);
    // The same 1.5 MB to a page that takes no upload: refused.
    expect((await send("/login", 1.5 * 1024 * 1024, { declared: false })).status).toBe(413);
    expect((await send("/aanmelden", 3 * 1024 * 1024, { declared: false })).status).toBe(413);
  });

  it("every route that stores an upload has its upload limit, and no other route has one", () => {
    const routes = path.resolve(import.meta.dirname, "../../app/routes");
    const app = path.resolve(routes, "..");
    // A route's own text and that of the app files it imports (its view and its module): since
    // routes are thin, the upload field and the storing call live one import away.
    const withImports = (file: string) => {
      const text = readFileSync(path.join(routes, file), "utf8");
      const imported = [...text.matchAll(/from "~\/([^"]+)"/g)].map((m) => m[1]!).flatMap((rel) =>
        [".tsx", ".ts"].map((ext) => path.join(app, rel + ext)).filter((f) => existsSync(f)).map((f) => readFileSync(f, "utf8")),
      );
      return [text, ...imported].join("\n");
    };
    const uploading = readdirSync(routes)
      // Only a route with an action receives a body (a route that serves files has none).
      .filter((file) => /export (async function|const) action\b/.test(readFileSync(path.join(routes, file), "utf8")))
      .filter((file) => /storeUpload|storeDesignDemoUpload|type="file"|<UploadForm|ChallengeFields|ImageField|LogoField/.test(withImports(file)))
      .map((file) => file.replace(/\.tsx?$/, ""))
      .sort();
    expect(UPLOAD_ROUTES.map((r) => r.route).sort()).toEqual(uploading);
    expect(bodyLimitFor("/teams/abc/inzending")).toBeGreaterThan(20 * 1024 * 1024);
    expect(bodyLimitFor("/teams/abc")).toBe(FORM_BODY_LIMIT);
  });
});
