// Tester page for simulated payments: start a payment like the portal does, see every status.
// Exists only while payments are simulated (404 as soon as STRIPE_SECRET_KEY is set).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CheckoutReturnSync } from "~/components/payments/checkout-return";
import { CHECKOUT_SESSION_ID } from "~/modules/payments/checkout";
import { formatAmount, PAYMENT_METHODS, paymentPhase } from "~/modules/payments/payment-state";
import {
  createTestCheckout,
  expireCheckout,
  listRecentPayments,
  PaymentError,
  refundPayment,
  syncPaymentBySessionId,
} from "~/modules/payments/payments.server";
import { reconcileOpenPayments } from "~/modules/payments/reconcile.server";
import { isStripeSimulated } from "~/modules/payments/stripe.server";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

const RESULTS = ["success", "cancel", "refunded", "expired"] as const;
const PAGE = "/dev/payments";

function requireSimulated() {
  if (!isStripeSimulated()) throw new Response("Not Found", { status: 404 });
}

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 1;

export async function loader({ request }: LoaderFunctionArgs) {
  requireSimulated();
  const url = new URL(request.url);
  // Back from checkout: the page asks its action to converge with Stripe (a GET never writes).
  const sessionParam = url.searchParams.get("session_id") ?? "";
  const returnedSessionId = CHECKOUT_SESSION_ID.test(sessionParam) ? sessionParam : null;
  const lng = await getLanguage(request);
  const [t, payments] = await Promise.all([i18next.getFixedT(lng, "payments"), listRecentPayments(20)]);
  const time = new Intl.DateTimeFormat(lng === "en" ? "en-GB" : "nl-NL", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  });
  const result = RESULTS.find((r) => r === url.searchParams.get("result")) ?? null;
  return json({
    title: t("dev.title"),
    defaultDescription: t("dev.defaultDescription"),
    result,
    returnedSessionId,
    payments: payments.map((p) => ({
      id: p.id,
      description: p.description,
      amount: formatAmount(p.amountCents, p.currency, lng),
      phase: paymentPhase(p),
      created: time.format(p.createdAt),
      checkoutUrl: p.checkoutUrl,
      checkoutSessionId: p.checkoutSessionId,
      checkoutPath: p.checkoutSessionId ? `/dev/stripe/checkout/${encodeURIComponent(p.checkoutSessionId)}` : null,
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }, { name: "robots", content: "noindex" }];

/** "12,50" or "12.50" → 1250 cents. */
const euros = z
  .string()
  .trim()
  .regex(/^\d{1,6}([.,]\d{1,2})?$/, "payments:dev.errors.amount")
  .transform((value) => {
    const [whole, fraction = ""] = value.replace(",", ".").split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  })
  .refine((cents) => cents >= 50, "payments:dev.errors.amount");

const CreateSchema = z.object({
  amount: euros,
  // PostgreSQL text cannot hold NUL (and nobody types one): it is dropped before the checks.
  description: z
    .string()
    .transform((text) => text.replaceAll("\u0000", ""))
    .pipe(z.string({ error: "payments:dev.errors.description" }).trim().min(1, "payments:dev.errors.description").max(200, "payments:dev.errors.description")),
  methods: z.array(z.enum(PAYMENT_METHODS)).min(1, "payments:dev.errors.methods"),
});

// A payment id (uuid); anything else must not reach a query (PostgreSQL refuses NUL in text).
const IdSchema = z.object({ paymentId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/) });

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it); `methods` repeats.
export const actionSchema = z.discriminatedUnion("intent", [
  CreateSchema.extend({ intent: z.literal("create") }),
  IdSchema.extend({ intent: z.enum(["refund", "expire"]) }),
  z.object({ intent: z.literal("reconcile") }),
  z.object({ intent: z.literal("sync"), sessionId: z.string().regex(CHECKOUT_SESSION_ID) }),
]);

type FieldErrors = Partial<Record<"amount" | "description" | "methods", string[]>>;

export async function action({ request }: ActionFunctionArgs) {
  requireSimulated();
  const form = await readForm(request);
  const lng = await getLanguage(request);
  // One schema for the whole form, so what is checked is what is used (a file is not text).
  const parsed = actionSchema.safeParse({ ...Object.fromEntries(form), methods: form.getAll("methods") });
  if (!parsed.success) {
    if (form.get("intent") !== "create") return json({ errors: null, values: null, message: "invalid request", reconciled: null }, { status: 400 });
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "amount" || field === "description" || field === "methods") (errors[field] ??= []).push(issue.message);
    }
    const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
    const values = { amount: text(form.get("amount")), description: text(form.get("description")), methods: form.getAll("methods").map(text) };
    return json({ errors, values, message: null, reconciled: null }, { status: 400 });
  }
  const input = parsed.data;
  try {
    if (input.intent === "create") {
      const checkout = await createTestCheckout({
        amountCents: input.amount,
        description: input.description,
        methods: input.methods,
        successPath: `${PAGE}?result=success`,
        cancelPath: `${PAGE}?result=cancel`,
        locale: lng,
      });
      return redirect(checkout.checkoutUrl);
    }
    if (input.intent === "sync") {
      await syncPaymentBySessionId(input.sessionId, { source: "return" });
      return json({ errors: null, values: null, message: null, reconciled: null });
    }
    if (input.intent === "reconcile") {
      const report = await reconcileOpenPayments();
      return json({ errors: null, values: null, message: null, reconciled: { checked: report.checked, changed: report.changed } });
    }
    if (input.intent === "refund") await refundPayment(input.paymentId, null);
    else await expireCheckout(input.paymentId, null);
    return redirect(`${PAGE}?result=${input.intent === "refund" ? "refunded" : "expired"}`);
  } catch (error) {
    if (error instanceof PaymentError) {
      return json({ errors: null, values: null, message: error.message, reconciled: null }, { status: 400 });
    }
    throw error;
  }
}

const primary = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:bg-slate-400";
const small = "inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100";

const PHASE_STYLE: Record<string, string> = {
  open: "bg-slate-100 text-slate-800",
  processing: "bg-amber-100 text-amber-900",
  paid: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  expired: "bg-slate-200 text-slate-700",
  refunded: "bg-violet-100 text-violet-900",
};

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation("payments");
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

export default function DevPayments() {
  const { t } = useTranslation("payments");
  const { payments, result, defaultDescription, returnedSessionId } = useLoaderData<typeof loader>();
  const returned = returnedSessionId ? payments.find((p) => p.checkoutSessionId === returnedSessionId) : undefined;
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const checkedMethods = values?.methods ?? ["card", "ideal"];

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t("dev.title")}</h1>
        <p className="mt-2 max-w-2xl text-slate-700">{t("dev.intro")}</p>
      </div>

      {result ? (
        <div role="status" className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
          {t(`dev.results.${result}`)}
        </div>
      ) : null}
      {returned && ["open", "processing", "failed"].includes(returned.phase) && returnedSessionId ? <CheckoutReturnSync sessionId={returnedSessionId} /> : null}
      {actionData?.message ? (
        <div role="alert" className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4">
          {t("dev.errors.action", { message: actionData.message })}
        </div>
      ) : null}
      {actionData?.reconciled ? (
        <div role="status" className="rounded-lg border-l-4 border-brand-600 bg-brand-50 p-4">
          {t("dev.reconciled", { count: actionData.reconciled.checked, changed: actionData.reconciled.changed })}
        </div>
      ) : null}

      <section aria-labelledby="new-payment" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="new-payment" className="text-lg font-semibold">
          {t("dev.newTitle")}
        </h2>
        <Form method="post" className="mt-4 grid gap-4 sm:max-w-md" noValidate>
          <input type="hidden" name="intent" value="create" />
          <div>
            <label htmlFor="amount" className="block text-sm font-semibold">
              {t("dev.amount")}
            </label>
            <p id="amount-hint" className="mt-0.5 text-sm text-slate-600">
              {t("dev.amountHint")}
            </p>
            <input
              id="amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              required
              defaultValue={values?.amount ?? "25,00"}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? "amount-hint amount-error" : "amount-hint"}
              className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 ${errors.amount ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id="amount-error" errors={errors.amount} />
          </div>
          <div>
            <label htmlFor="description" className="block text-sm font-semibold">
              {t("dev.description")}
            </label>
            <input
              id="description"
              name="description"
              required
              maxLength={200}
              defaultValue={values?.description ?? defaultDescription}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? "description-error" : undefined}
              className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 ${errors.description ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id="description-error" errors={errors.description} />
          </div>
          <fieldset aria-describedby={errors.methods ? "methods-error" : undefined}>
            <legend className="text-sm font-semibold">{t("dev.methodsLegend")}</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {PAYMENT_METHODS.map((m) => (
                <label key={m} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name="methods" value={m} defaultChecked={checkedMethods.includes(m)} className="h-5 w-5" />
                  {t(`methods.${m}`)}
                </label>
              ))}
            </div>
            <FieldError id="methods-error" errors={errors.methods} />
          </fieldset>
          <div>
            <button type="submit" className={primary} disabled={busy}>
              {t("dev.start")}
            </button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="recent-payments" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="recent-payments" className="text-lg font-semibold">
            {t("dev.recentTitle")}
          </h2>
          <Form method="post">
            <input type="hidden" name="intent" value="reconcile" />
            <button type="submit" className={small} disabled={busy}>
              {t("dev.reconcile")}
            </button>
          </Form>
        </div>
        {payments.length === 0 ? (
          <p className="text-slate-700">{t("dev.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="px-4 py-3 text-left text-slate-600">{`${t("dev.caption")} · ${t("dev.timeZoneNote")}`}</caption>
              <thead className="border-y border-slate-200 bg-slate-50">
                <tr>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("dev.columns.description")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("dev.columns.amount")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("dev.columns.status")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("dev.columns.created")}
                  </th>
                  <th scope="col" className="px-4 py-2 font-semibold">
                    {t("dev.columns.actions")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {payments.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" className="px-4 py-2 font-normal">
                      {p.description}
                    </th>
                    <td className="whitespace-nowrap px-4 py-2">{p.amount}</td>
                    <td className="px-4 py-2">
                      <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${PHASE_STYLE[p.phase] ?? ""}`}>{t(`status.${p.phase}`)}</span>
                    </td>
                    <td className="whitespace-nowrap px-4 py-2">{p.created}</td>
                    <td className="px-4 py-2">
                      <div className="flex flex-wrap items-center gap-2">
                        {p.checkoutUrl && (p.phase === "open" || p.phase === "failed") ? (
                          <a href={p.checkoutUrl} className="font-semibold">
                            {t("dev.openCheckout")}
                          </a>
                        ) : null}
                        {p.phase === "processing" && p.checkoutPath ? (
                          <Link to={p.checkoutPath} className="font-semibold">
                            {t("dev.finishSepa")}
                          </Link>
                        ) : null}
                        {p.phase === "paid" ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="refund" />
                            <input type="hidden" name="paymentId" value={p.id} />
                            <button type="submit" className={small} disabled={busy}>
                              {t("dev.refund")}
                            </button>
                          </Form>
                        ) : null}
                        {p.checkoutUrl && (p.phase === "open" || p.phase === "failed") ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="expire" />
                            <input type="hidden" name="paymentId" value={p.id} />
                            <button type="submit" className={small} disabled={busy}>
                              {t("dev.expire")}
                            </button>
                          </Form>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
