// The app's request pipeline around Remix: refuse requests from other sites, then add the
// security headers to every response (documents, data, resource routes and errors alike).
// The node:http server and the guard tests both use it, so the tests see what users get.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Env } from "../utils/env.server";
import { applySecurityHeaders } from "../utils/headers.server";
import { isCrossSiteRequest } from "../utils/origin.server";
import { createSharedPages } from "./shared-pages";

export type AppHandler = (request: Request) => Promise<Response>;

/**
 * `build`: the build object itself in production (Remix derives its routes once), or a function
 * returning it in development (Vite may have reloaded it; Remix then derives them per request).
 */
export function createAppHandler(build: ServerBuild | (() => Promise<ServerBuild>), env: Env): AppHandler {
  const mode = env.NODE_ENV === "production" ? "production" : "development";
  const handle = createRequestHandler(build, mode);
  const headerOptions = { https: env.APP_URL.startsWith("https:"), dev: env.NODE_ENV === "development" };
  // Anonymous visitors of public pages share one rendering (app/server/shared-pages.ts); not in
  // development, where Vite reloads the code.
  const shared = createSharedPages(mode === "production" ? env.SHARED_PAGES_TTL_MS : 0);
  // Load balancers ask /healthz often: with the build in hand it is answered without Remix's route
  // matching (the same function as routes/healthz.ts, which answers in development).
  const health = typeof build === "function" ? undefined : (build.entry.module as { healthResponse?: () => Promise<Response> }).healthResponse;
  return async (request) => {
    let response: Response;
    if (isCrossSiteRequest(request, env.APP_URL)) {
      response = new Response("Forbidden: this request came from another site.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    } else {
      response =
        health && (request.method === "GET" || request.method === "HEAD") && new URL(request.url).pathname === "/healthz"
          ? await health()
          : await shared.respond(request, handle);
    }
    // A response may set stricter values of its own (documents: a CSP with their nonce; files: a
    // sandboxing CSP and no referrer); everything else gets the app's defaults.
    const headers = new Headers(response.headers);
    const own = ["Content-Security-Policy", "Referrer-Policy"].map((name) => [name, headers.get(name)] as const);
    applySecurityHeaders(headers, headerOptions);
    for (const [name, value] of own) if (value) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
