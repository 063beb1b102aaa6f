// The app's request pipeline around Remix: refuse requests from other sites, then add the
// security headers to every response (documents, data, resource routes and errors alike).
// The node:http server and the guard tests both use it, so the tests see what users get.
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { Env } from "../utils/env.server";
import { applySecurityHeaders } from "../utils/headers.server";
import { isCrossSiteRequest } from "../utils/origin.server";

export type AppHandler = (request: Request) => Promise<Response>;

export function createAppHandler(getBuild: () => Promise<ServerBuild>, env: Env): AppHandler {
  const mode = env.NODE_ENV === "production" ? "production" : "development";
  const handle = createRequestHandler(getBuild, mode);
  const headerOptions = { https: env.APP_URL.startsWith("https:"), dev: env.NODE_ENV === "development" };
  return async (request) => {
    let response: Response;
    if (isCrossSiteRequest(request, env.APP_URL)) {
      response = new Response("Forbidden: this request came from another site.", {
        status: 403,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    } else {
      response = await handle(request);
    }
    // Documents already carry a CSP with their nonce (entry.server); everything else gets the strict one.
    const headers = new Headers(response.headers);
    const csp = headers.get("Content-Security-Policy");
    applySecurityHeaders(headers, headerOptions);
    if (csp) headers.set("Content-Security-Policy", csp);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
