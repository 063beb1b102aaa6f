import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { getEnv } from "~/utils/env.server";
import { applySecurityHeaders, createNonce } from "~/utils/headers.server";
import { getLanguage, i18nInstance } from "~/utils/i18n.server";
import { NonceProvider } from "~/utils/nonce";
// File-access rules of the capabilities (who may read which stored file); server-only modules.
import "~/modules/companies/logos.server";
import "~/modules/files/design-demo.server";
import "~/modules/challenges/submission-files.server";
import "~/modules/challenges/file-access.server";

function headerOptions(nonce?: string) {
  const env = getEnv();
  return { nonce, https: env.APP_URL.startsWith("https:"), dev: env.NODE_ENV === "development" };
}

/** Pages are never reused without asking again; a signed-in visitor's pages stay out of shared caches. */
function documentCacheControl(request: Request): string {
  return request.headers.has("Cookie") ? "private, no-cache" : "no-cache";
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  _loadContext: AppLoadContext,
) {
  // One initialised i18next instance per language for the whole process (app/utils/i18n.server.ts).
  const instance = i18nInstance(await getLanguage(request));
  const nonce = createNonce();
  // Pages are rendered to one string: nothing is deferred or suspended on the server (the only
  // Suspense, the chart canvas, renders after hydration), so streaming bought nothing and its web
  // streams cost a share of every page (docs/performance.md). A render error throws here, and
  // Remix renders the error boundary instead.
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </I18nextProvider>
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", documentCacheControl(request));
  applySecurityHeaders(responseHeaders, headerOptions(nonce));
  return new Response(`<!DOCTYPE html>${markup}`, { headers: responseHeaders, status: responseStatusCode });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}

/** /healthz without Remix's route matching, for app/server/handler.ts in production. */
export { healthResponse } from "~/modules/health/health.server";

/** Called once by app/server/main.ts: the background job worker of this instance. */
export async function startBackground() {
  await import("~/modules/jobs/registry.server");
  const { startWorker } = await import("~/modules/jobs/jobs.server");
  return startWorker();
}

/** Called once by app/server/main.ts before it listens: services the app needs in this process. */
export async function startServices() {
  const { startStripeFakeIfNeeded } = await import("~/modules/payments/stripe.server");
  await startStripeFakeIfNeeded();
}
