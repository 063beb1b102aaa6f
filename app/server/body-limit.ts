// Every request body is capped while it is read: a small limit for forms, and on the routes that
// take an upload, that upload's limit plus room for the other fields. Over the limit the client
// gets 413 with a short page in its language, and the connection is closed (the rest is never read).
import type { IncomingMessage } from "node:http";
import { type FileKind, uploadBodyLimit } from "../modules/files/policy";

const KB = 1024;
/** Forms, JSON webhooks and everything else: the largest is the board's bulk invitation (500 addresses). */
export const FORM_BODY_LIMIT = 512 * KB;

/** The routes that take a file, with the kind of file (app/routes: each reads its form with withUploadForm and calls storeUpload). */
export const UPLOAD_ROUTES: ReadonlyArray<{ path: RegExp; kind: FileKind; route: string }> = [
  { route: "aanmelden._index", path: /^\/aanmelden\/?$/, kind: "LOGO" },
  { route: "bedrijf.$companyId._index", path: /^\/bedrijf\/[^/]+\/?$/, kind: "LOGO" },
  { route: "bestuur.challenges._index", path: /^\/bestuur\/challenges\/?$/, kind: "PHOTO" },
  { route: "bestuur.challenges.$challengeId", path: /^\/bestuur\/challenges\/[^/]+\/?$/, kind: "PHOTO" },
  { route: "bestuur.scholen", path: /^\/bestuur\/scholen\/?$/, kind: "DOCUMENT" },
  { route: "teams.$teamId.inzending", path: /^\/teams\/[^/]+\/inzending\/?$/, kind: "SUBMISSION" },
  { route: "ontwerp", path: /^\/ontwerp\/?$/, kind: "DOCUMENT" },
];

export function bodyLimitFor(pathname: string): number {
  const upload = UPLOAD_ROUTES.find((r) => r.path.test(pathname));
  return upload ? uploadBodyLimit(upload.kind) : FORM_BODY_LIMIT;
}

const pathnameOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://x").pathname;
const exceeded = new WeakSet<IncomingMessage>();

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/** The request's body as a web stream that errors (and stops reading) once it passes the route's limit. */
export function limitedBody(req: IncomingMessage): ReadableStream<Uint8Array> {
  const limit = bodyLimitFor(pathnameOf(req));
  let received = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on("data", (chunk: Buffer) => {
          if (done) return;
          received += chunk.byteLength;
          if (received > limit) {
            done = true;
            exceeded.add(req);
            req.pause();
            controller.error(new BodyTooLargeError(limit));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) req.pause();
        });
        req.on("end", () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.on("error", (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * KB, size: (chunk) => chunk.byteLength },
  );
}

/**
 * Runs the app for this request unless its declared length is over the limit; when the body turned
 * out larger while the app read it, the app's answer (a 400 for a broken form, say) becomes the 413.
 */
export async function withBodyLimit(req: IncomingMessage, handle: () => Promise<Response>): Promise<Response> {
  const limit = bodyLimitFor(pathnameOf(req));
  const declared = Number(req.headers["content-length"] ?? 0);
  if (Number.isFinite(declared) && declared > limit) return tooLargeResponse(req, limit);
  const response = await handle();
  if (!exceeded.has(req)) return response;
  await response.body?.cancel().catch(() => undefined);
  return tooLargeResponse(req, limit);
}

function languageOf(req: IncomingMessage): "nl" | "en" {
  // The language cookie (Remix encodes its value as base64 JSON), else the browser's preference.
  const cookie = /(?:^|;\s*)lng=([^;]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
  if (cookie) {
    try {
      const value: unknown = JSON.parse(decodeURIComponent(Buffer.from(decodeURIComponent(cookie), "base64").toString("latin1")));
      if (value === "en" || value === "nl") return value;
    } catch {
      // not ours: fall through
    }
  }
  const accept = String(req.headers["accept-language"] ?? "").toLowerCase();
  return /^\s*en\b/.test(accept) ? "en" : "nl";
}

const TEXTS = {
  nl: {
    title: "Te veel gegevens verstuurd",
    body: (max: string) => `Wat u verstuurde is groter dan deze pagina aanneemt (hoogstens ${max}). Er is niets opgeslagen.`,
    hint: "Kies een kleiner bestand, of maak de tekst korter, en probeer het opnieuw.",
    back: "Terug naar de startpagina",
  },
  en: {
    title: "Too much data sent",
    body: (max: string) => `What you sent is larger than this page accepts (at most ${max}). Nothing was saved.`,
    hint: "Choose a smaller file, or shorten the text, and try again.",
    back: "Back to the home page",
  },
};

export function tooLargeResponse(req: IncomingMessage, limit: number): Response {
  const lng = languageOf(req);
  const text = TEXTS[lng];
  const max = limit >= 1024 * KB ? `${Math.floor(limit / (1024 * KB))} MB` : `${Math.floor(limit / KB)} KB`;
  const html = `<!doctype html><html lang="${lng}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#0f172a}a{color:#1d4ed8}</style></head>
<body><main><h1>${text.title}</h1><p>${text.body(max)}</p><p>${text.hint}</p><p><a href="/">${text.back}</a></p></main></body></html>`;
  return new Response(html, {
    status: 413,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "close",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
