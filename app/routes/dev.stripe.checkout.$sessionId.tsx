// The local Stripe fake's hosted checkout page: a tester decides how the payment ends.
// Exists only while payments are simulated (404 as soon as STRIPE_SECRET_KEY is set).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { formatAmount, PAYMENT_METHODS } from "~/modules/payments/payment-state";
import { actOnFakeCheckout, FakeTesterError, getFakeCheckout, type FakeCheckoutView } from "~/modules/payments/stripe-fake.server";
import { isStripeSimulated } from "~/modules/payments/stripe.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { readForm } from "~/utils/forms.server";

function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

async function loadSession(sessionId: string | undefined): Promise<FakeCheckoutView> {
  if (!isStripeSimulated() || !sessionId) notFound();
  try {
    return await getFakeCheckout(sessionId);
  } catch (error) {
    // Whatever the fake refuses as a session id (unknown, or a URL too long to read) is no session.
    if (error instanceof FakeTesterError && error.status >= 400 && error.status < 500) notFound();
    throw error;
  }
}

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 0;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await loadSession(params.sessionId);
  const lng = await getLanguage(request);
  const t = await i18next.getFixedT(lng, "payments");
  const expires = new Intl.DateTimeFormat(lng === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(session.expiresAt * 1000));
  return json({
    title: t("checkout.title"),
    session,
    amount: formatAmount(session.amountTotal, session.currency, lng),
    expires,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }, { name: "robots", content: "noindex" }];

const method = z.enum(PAYMENT_METHODS);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pay"), method }),
  z.object({ intent: z.literal("fail"), method }),
  z.object({ intent: z.literal("abandon") }),
  z.object({ intent: z.literal("expire") }),
  z.object({ intent: z.literal("settle"), outcome: z.enum(["succeeded", "failed"]) }),
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await loadSession(params.sessionId);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ failed: false, error: "invalid request" }, { status: 400 });
  const here = `/dev/stripe/checkout/${encodeURIComponent(session.id)}`;
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "pay": {
        const result = await actOnFakeCheckout(session.id, { action: "pay", method: input.method });
        return redirect(result.redirectTo ?? here);
      }
      case "fail": {
        await actOnFakeCheckout(session.id, { action: "fail", method: input.method });
        return json({ failed: true, error: null });
      }
      case "abandon":
      case "expire": {
        const result = await actOnFakeCheckout(session.id, { action: input.intent });
        return redirect(result.redirectTo ?? here);
      }
      case "settle":
        await actOnFakeCheckout(session.id, { action: "settle", outcome: input.outcome });
        return redirect(here);
    }
  } catch (error) {
    if (error instanceof FakeTesterError && error.status < 500) return json({ failed: false, error: error.message }, { status: 400 });
    throw error;
  }
}

const primary = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400";
const secondary = "inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100";
const danger = "inline-flex min-h-11 items-center justify-center rounded-lg bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800";

export default function SimulatedCheckout() {
  const { t } = useTranslation("payments");
  const { session, amount, expires } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const intent = session.paymentIntent;
  const processing = session.status === "complete" && intent?.status === "processing";
  const asyncFailed = session.status === "complete" && session.paymentStatus === "unpaid" && !processing;

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div role="note" className="rounded-lg border-l-4 border-violet-600 bg-violet-50 p-4 text-slate-900">
        {t("checkout.notice")}
      </div>
      <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t("checkout.title")}</h1>

      <section aria-labelledby="checkout-summary" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="checkout-summary" className="text-lg font-semibold">
          {t("checkout.summary")}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="text-slate-600">{t("checkout.description")}</dt>
          <dd>{session.description}</dd>
          <dt className="text-slate-600">{t("checkout.amount")}</dt>
          <dd className="text-xl font-bold text-brand-800">{amount}</dd>
          {session.status === "open" ? (
            <>
              <dt className="text-slate-600">{t("checkout.expiresAt")}</dt>
              <dd>
                {expires} <span className="text-sm text-slate-600">({t("checkout.timeZoneNote")})</span>
              </dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("checkout.session")}</dt>
          <dd className="break-all font-mono text-xs text-slate-600">{session.id}</dd>
        </dl>
      </section>

      {actionData?.error ? (
        <div role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4">
          {t("checkout.error", { message: actionData.error })}
        </div>
      ) : null}

      {session.status === "open" ? (
        <Form method="post" className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          {actionData?.failed ? (
            <div role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4">
              {t("checkout.failed")}
            </div>
          ) : null}
          <fieldset>
            <legend className="text-base font-semibold">{t("checkout.methodLegend")}</legend>
            <div className="mt-2 space-y-2">
              {session.methods.map((m, i) => (
                <label key={m} className="flex min-h-11 items-center gap-3 rounded-lg border border-slate-300 px-3 py-2">
                  <input type="radio" name="method" value={m} defaultChecked={i === 0} className="h-5 w-5" />
                  <span>{t(`methods.${m}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div role="group" aria-label={t("checkout.actionsLabel")} className="flex flex-wrap gap-3">
            <button type="submit" name="intent" value="pay" className={primary} disabled={busy}>
              {t("checkout.pay")}
            </button>
            <button type="submit" name="intent" value="fail" className={danger} disabled={busy}>
              {t("checkout.fail")}
            </button>
            <button type="submit" name="intent" value="abandon" className={secondary} disabled={busy}>
              {t("checkout.abandon")}
            </button>
            <button type="submit" name="intent" value="expire" className={secondary} disabled={busy}>
              {t("checkout.expire")}
            </button>
          </div>
        </Form>
      ) : null}

      {processing ? (
        <section aria-labelledby="checkout-processing" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="checkout-processing" className="text-lg font-semibold">
            {t("checkout.processingTitle")}
          </h2>
          <p className="text-slate-700">{t("checkout.processingText")}</p>
          <Form method="post" className="flex flex-wrap gap-3">
            <input type="hidden" name="intent" value="settle" />
            <button type="submit" name="outcome" value="succeeded" className={primary} disabled={busy}>
              {t("checkout.settleSucceeded")}
            </button>
            <button type="submit" name="outcome" value="failed" className={danger} disabled={busy}>
              {t("checkout.settleFailed")}
            </button>
          </Form>
          {session.successUrl ? <a href={session.successUrl}>{t("checkout.backToPortal")}</a> : null}
        </section>
      ) : null}

      {session.status !== "open" && !processing ? (
        <section aria-labelledby="checkout-final" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="checkout-final" className="text-lg font-semibold">
            {session.status === "expired" ? t("checkout.expiredTitle") : asyncFailed ? t("checkout.asyncFailedTitle") : t("checkout.paidTitle")}
          </h2>
          {asyncFailed ? <p className="text-slate-700">{t("checkout.asyncFailedText")}</p> : null}
          {session.status === "expired" ? (
            session.cancelUrl ? <a href={session.cancelUrl}>{t("checkout.backToPortal")}</a> : <Link to="/">{t("checkout.backToPortal")}</Link>
          ) : session.successUrl ? (
            <a href={session.successUrl}>{t("checkout.backToPortal")}</a>
          ) : (
            <Link to="/">{t("checkout.backToPortal")}</Link>
          )}
        </section>
      ) : null}
    </div>
  );
}
