// A small node:http adapter for Remix (faster than the express-based remix-serve here),
// with static files from the client build.
import { createReadStream, readdirSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { writeReadableStreamToWritable } from "@remix-run/node";
import { limitedBody } from "./body-limit";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export function toWebRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const url = new URL(req.url ?? "/", origin);
  const controller = new AbortController();
  res.on("close", () => controller.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else headers.set(key, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    // Capped while read (app/server/body-limit.ts).
    ...(hasBody ? { body: limitedBody(req), duplex: "half" } : {}),
  } as RequestInit);
}

const BUFFERED = /^(text\/html|application\/json)/i;

export async function sendWebResponse(res: ServerResponse, response: Response, method: string | undefined) {
  res.statusCode = response.status;
  res.statusMessage = response.statusText;
  const cookies = response.headers.getSetCookie();
  for (const [key, value] of response.headers) {
    if (key.toLowerCase() !== "set-cookie") res.setHeader(key, value);
  }
  if (cookies.length) res.setHeader("Set-Cookie", cookies);
  if (response.body && method !== "HEAD") {
    if (BUFFERED.test(response.headers.get("Content-Type") ?? "") && !response.headers.has("Content-Length")) {
      // Pages and data are small and never streamed in parts (no defer): one write with a length
      // instead of a write per rendered chunk (the per-chunk writes were ~11 % of a page's CPU).
      const body = Buffer.from(await response.arrayBuffer());
      res.setHeader("Content-Length", body.length);
      res.end(body);
      return;
    }
    await writeReadableStreamToWritable(response.body, res);
  } else {
    res.end();
  }
}

type StaticFile = { file: string; size: number; type: string; cacheControl: string };

function listFiles(dir: string, prefix: string, into: Map<string, StaticFile>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    const pathname = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) listFiles(file, pathname, into);
    else if (entry.isFile())
      into.set(pathname, {
        file,
        size: statSync(file).size,
        type: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
        // Built assets carry a content hash in their name: cached for a year. Other files (icons,
        // robots.txt, the manifest) keep their name across releases: an hour.
        cacheControl: pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      });
  }
}

export type StaticServer = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * Serves the files of the client build. The folder is read once at start (a production build does
 * not change while it runs), so a page request costs a map lookup instead of a failed stat().
 * Returns false when no file matches (the request goes to Remix).
 */
export function createStaticServer(root: string): StaticServer {
  const files = new Map<string, StaticFile>();
  listFiles(root, "", files);
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    let pathname = query === -1 ? url : url.slice(0, query);
    let found = files.get(pathname);
    if (!found && pathname.includes("%")) {
      try {
        pathname = decodeURIComponent(pathname);
      } catch {
        return false;
      }
      found = files.get(pathname);
    }
    if (!found) return false;
    res.statusCode = 200;
    res.setHeader("Content-Type", found.type);
    res.setHeader("Content-Length", found.size);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Cache-Control", found.cacheControl);
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    await new Promise<void>((resolve, reject) => {
      createReadStream(found.file).on("error", reject).on("end", resolve).pipe(res);
    });
    return true;
  };
}
