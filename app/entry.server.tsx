import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
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

const ABORT_DELAY = 5_000;

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
  const botRequest = isbot(request.headers.get("user-agent") || "");

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [botRequest ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", documentCacheControl(request));
          applySecurityHeaders(responseHeaders, headerOptions(nonce));
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}

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
