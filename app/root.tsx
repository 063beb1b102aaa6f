import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { MailDevBanner } from "~/components/mail-dev-banner";
import { PaymentsDevBanner } from "~/components/payments-dev-banner";
import { SiteHeader } from "~/components/site-header";
import { NavigationProgress, useNavigationBusy } from "~/components/ui/loading";
import { Toaster } from "~/components/ui/toast";
import { fallbackLanguage, isLanguage } from "~/i18n/config";
import stylesheet from "~/styles/app.css?url";
import { getOptionalUser } from "~/modules/auth/session.server";
import { getEnv } from "~/utils/env.server";
import { getLanguage, getT } from "~/utils/i18n.server";
import { useNonce } from "~/utils/nonce";
import "~/utils/zod-messages";
import { getToast } from "~/utils/toast.server";

// The site's icons and manifest live in public/ (served from the client build at the root).
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "icon", href: "/favicon-32.png", type: "image/png", sizes: "32x32" },
  { rel: "apple-touch-icon", href: "/apple-touch-icon.png", sizes: "180x180" },
  { rel: "manifest", href: "/site.webmanifest" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user, t, { toast, setCookie }] = await Promise.all([
    getLanguage(request),
    getOptionalUser(request),
    getT(request),
    getToast(request),
  ]);
  const env = getEnv();
  return json(
    {
      lang,
      toast,
      // Titles for pages that end in the error boundary (their own loader did not answer).
      titles: { site: t("site.name"), notFound: t("errors.notFoundTitle"), forbidden: t("errors.forbiddenTitle"), error: t("errors.errorTitle") },
      simulated: { mail: !env.RESEND_API_KEY, payments: !env.STRIPE_SECRET_KEY },
      user: user
        ? {
            name: user.name,
            activeRoleId: user.activeRole?.id ?? null,
            roles: user.roles.map((r) => ({ id: r.id, role: r.role, organisation: r.organisation })),
          }
        : null,
    },
    setCookie ? { headers: { "Set-Cookie": setCookie } } : undefined,
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  if (!data) return [{ title: "Vrienden van" }];
  const status = isRouteErrorResponse(error) ? error.status : error ? 500 : 200;
  const page = status === 404 ? data.titles.notFound : status === 403 ? data.titles.forbidden : status >= 400 ? data.titles.error : null;
  return [{ title: page ? `${page} · ${data.titles.site}` : data.titles.site }];
};

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t, i18n } = useTranslation();
  const lang = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : fallbackLanguage);
  // After a language switch the loader answers the new language; the client's i18next follows.
  useChangeLanguage(lang);
  const nonce = useNonce();
  const busy = useNavigationBusy();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <NavigationProgress />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t("site.skipToContent")}
        </a>
        {data?.simulated.mail ? <MailDevBanner /> : null}
        {data?.simulated.payments ? <PaymentsDevBanner /> : null}
        <SiteHeader lang={lang} user={data?.user ?? null} />
        <main id="main" aria-busy={busy || undefined} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          <Toaster toast={data?.toast} />
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600">
          {t("site.footer")}
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : [t("errors.errorTitle"), t("errors.errorText")];
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">{t("errors.statusCode", { status })}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-bold">
        {title}
      </h1>
      <p className="mt-4 text-slate-700">{text}</p>
      <p className="mt-8">
        <Link to="/" className="rounded bg-brand-700 px-4 py-2 text-white no-underline hover:bg-brand-800">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
