// One shared rendering of the pages everyone sees. A visitor without any cookie is anonymous, and
// every anonymous visitor of a public page gets the same page: rendering it once per short period
// (SHARED_PAGES_TTL_MS, default 1 s) instead of once per request takes the database, Remix and
// React out of almost every anonymous request under load (docs/performance.md).
//
// Rules, each of them tested (tests/unit/shared-pages.test.ts):
// - only GET requests without a Cookie or Authorization header, and only for the paths listed in
//   SHARED_PATHS (public pages; never a page that carries a token in its address);
// - only answers that are 200, HTML or JSON (Remix's data requests), without Set-Cookie and not
//   marked private or no-store;
// - every answer gets its own CSP nonce: the stored page's nonce is replaced in the body and in
//   the Content-Security-Policy header;
// - any other request this instance handles (a form post, a webhook) may change what the pages
//   show, so it empties the store; a rendering that started before such a request is not stored;
// - several requests for the same page while it renders wait for that one rendering.
// The store is this instance's own and nothing else depends on it: with several instances a
// change made on another one shows here after at most the TTL.
import { createNonce } from "../utils/headers.server";

/** The public pages an anonymous visitor sees exactly as every other anonymous visitor does. */
export const SHARED_PATHS: readonly RegExp[] = [
  /^\/$/,
  /^\/netwerk\/?$/,
  /^\/challenges\/?$/,
  /^\/challenges\/[a-z0-9-]+\/?$/,
  /^\/challenges\/[a-z0-9-]+\/\d{4}\/?$/,
  // A published edition's results (404 before publication: a 404 is never stored).
  /^\/challenges\/[a-z0-9-]+\/\d{4}\/uitslag\/?$/,
  /^\/aanmelden\/?$/,
  /^\/login\/?$/,
  /^\/login\/leerling\/?$/,
];

type Entry = {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: string;
  nonce: string | undefined;
  storedAt: number;
};

export type SharedPages = {
  /** Answers a request, from the shared rendering when the rules allow it. */
  respond(request: Request, render: (request: Request) => Promise<Response>): Promise<Response>;
  /** How many renderings were stored (for tests and the bench). */
  readonly stored: number;
};

const NONCE = /'nonce-([^']+)'/;

export function isShareable(request: Request): boolean {
  if (request.method !== "GET" || request.headers.has("Cookie") || request.headers.has("Authorization")) return false;
  const { pathname } = new URL(request.url);
  return SHARED_PATHS.some((pattern) => pattern.test(pathname));
}

function isStorable(response: Response): boolean {
  if (response.status !== 200 || response.headers.has("Set-Cookie")) return false;
  const type = response.headers.get("Content-Type") ?? "";
  if (!/^(text\/html|application\/json)/i.test(type)) return false;
  return !/\b(private|no-store)\b/i.test(response.headers.get("Cache-Control") ?? "");
}

function answer(entry: Entry, fresh: boolean): Response {
  const headers = new Headers(entry.headers);
  let body = entry.body;
  if (fresh && entry.nonce) {
    const nonce = createNonce();
    body = body.replaceAll(entry.nonce, nonce);
    const csp = headers.get("Content-Security-Policy");
    if (csp) headers.set("Content-Security-Policy", csp.replaceAll(`'nonce-${entry.nonce}'`, `'nonce-${nonce}'`));
  }
  return new Response(body, { status: entry.status, statusText: entry.statusText, headers });
}

export function createSharedPages(ttlMs: number, options: { maxEntries?: number; now?: () => number } = {}): SharedPages {
  const maxEntries = options.maxEntries ?? 200;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const rendering = new Map<string, Promise<Entry | undefined>>();
  let generation = 0;
  let stored = 0;

  const fresh = (entry: Entry | undefined) => (entry && now() - entry.storedAt < ttlMs ? entry : undefined);

  async function renderAndStore(key: string, request: Request, render: (request: Request) => Promise<Response>) {
    const startedIn = generation;
    let settle!: (entry: Entry | undefined) => void;
    const promise = new Promise<Entry | undefined>((resolve) => (settle = resolve));
    rendering.set(key, promise);
    try {
      const response = await render(request);
      if (!isStorable(response)) {
        settle(undefined);
        return response;
      }
      const entry: Entry = {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body: await response.text(),
        nonce: NONCE.exec(response.headers.get("Content-Security-Policy") ?? "")?.[1],
        storedAt: now(),
      };
      // A write finished while this page rendered: the rendering may show the old data.
      if (startedIn === generation) {
        entries.delete(key);
        entries.set(key, entry);
        stored++;
        if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        settle(entry);
      } else {
        settle(undefined);
      }
      return answer(entry, false);
    } catch (error) {
      settle(undefined);
      throw error;
    } finally {
      if (rendering.get(key) === promise) rendering.delete(key);
    }
  }

  return {
    get stored() {
      return stored;
    },
    async respond(request, render) {
      if (ttlMs <= 0) return render(request);
      if (!isShareable(request)) {
        if (request.method === "GET" || request.method === "HEAD") return render(request);
        // A post may change what the shared pages show: once it is done, nothing rendered before
        // or during it is served or stored.
        try {
          return await render(request);
        } finally {
          generation++;
          entries.clear();
        }
      }
      const key = request.url;
      const hit = fresh(entries.get(key));
      if (hit) return answer(hit, true);
      const pending = rendering.get(key);
      if (pending) {
        const entry = await pending;
        if (entry) return answer(entry, true);
      }
      return renderAndStore(key, request, render);
    },
  };
}
