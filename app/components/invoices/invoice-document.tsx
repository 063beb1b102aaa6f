// The invoice as a page (public link and signed-in): printable, with its payment state and the
// pay buttons. Used by routes/factuur.$token.tsx and routes/facturen.$invoiceId.tsx.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckoutReturnSync } from "~/components/payments/checkout-return";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { formatDate, formatMoney } from "~/utils/format";
import { formatVatRate, paymentTermOf } from "~/modules/invoices/invoice-math";
import type { InvoicePageData } from "~/modules/invoices/invoice-page.server";

type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
export type InvoiceView = Jsonified<InvoicePageData>;

export function InvoiceStatusBadge({ invoice }: { invoice: Pick<InvoiceView, "status" | "overdue" | "processing"> }) {
  const { t } = useTranslation("invoices");
  if (invoice.status === "PAID") return <Badge tone="success">{t("status.PAID")}</Badge>;
  if (invoice.status === "WAIVED") return <Badge tone="info">{t("status.WAIVED")}</Badge>;
  if (invoice.status === "CANCELLED") return <Badge>{t("status.CANCELLED")}</Badge>;
  if (invoice.processing) return <Badge tone="warning">{t("status.processing")}</Badge>;
  if (invoice.overdue) return <Badge tone="danger">{t("status.overdue")}</Badge>;
  return <Badge tone="warning">{t("status.OPEN")}</Badge>;
}

function Address({ lines }: { lines: (string | null | undefined)[] }) {
  return (
    <address className="not-italic [overflow-wrap:anywhere]">
      {lines.filter(Boolean).map((line, i) => (
        <span key={i} className="block">
          {line}
        </span>
      ))}
    </address>
  );
}

export function InvoiceDocument({ invoice, pdfHref }: { invoice: InvoiceView; pdfHref: string }) {
  const { t, i18n } = useTranslation("invoices");
  const lng = i18n.language;
  const actionData = useActionData<{ error: string | null; notice?: string }>();
  const busy = useNavigation().state !== "idle";
  const { seller, buyer } = invoice;
  const money = (cents: number) => formatMoney(cents, lng);
  const date = (iso: string) => formatDate(iso, lng);
  const canPay = invoice.status === "OPEN" && !invoice.processing;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("page.title", { number: invoice.number })}
        intro={t("page.intro", { company: buyer.name })}
        actions={
          <a href={pdfHref} className={buttonClass("secondary", "print:hidden")} download>
            {t("page.pdf")}
          </a>
        }
      />

      <div className="space-y-3 print:hidden" aria-live="polite">
        {invoice.syncSessionId ? <CheckoutReturnSync sessionId={invoice.syncSessionId} /> : null}
        {actionData?.error ? <Alert tone="error">{t(actionData.error)}</Alert> : null}
        {actionData?.notice ? <Alert tone="success">{t(actionData.notice)}</Alert> : null}
        {invoice.extraPayments.length > 0 ? (
          <Alert tone="error" title={t("page.paidTwiceTitle")}>
            <p>{t("page.paidTwiceText")}</p>
            <ul className="mt-2 space-y-2">
              {invoice.extraPayments.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-3">
                  <span>{t("page.paidTwiceLine", { amount: money(p.amountCents), date: p.paidAt ? date(p.paidAt) : "" })}</span>
                  <Form method="post">
                    <input type="hidden" name="intent" value="refund" />
                    <input type="hidden" name="paymentId" value={p.id} />
                    <Button variant="secondary" disabled={busy}>
                      {t("page.refund")}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {invoice.status === "PAID" && invoice.paidAt ? (
          <Alert tone="success" title={t("page.paidOn", { date: date(invoice.paidAt) })}>
            {invoice.settledVia === "TRANSFER" ? t("page.paidByTransfer") : t("page.paidThanks")}
          </Alert>
        ) : null}
        {invoice.status === "WAIVED" ? <Alert tone="info" title={t("page.waivedTitle")}>{t("page.waivedText")}</Alert> : null}
        {invoice.status === "OPEN" && invoice.processing ? (
          <Alert tone="warning" title={t("page.processingTitle")}>
            {t("page.processingText")}
          </Alert>
        ) : null}
        {canPay && invoice.latestPhase === "failed" ? <Alert tone="error">{t("page.failedText")}</Alert> : null}
        {canPay && invoice.overdue ? <Alert tone="warning">{t("page.overdueText", { date: date(invoice.dueAt) })}</Alert> : null}
      </div>

      {canPay ? (
        <Card className="print:hidden">
          <h2 className="text-lg font-semibold">{t("page.payTitle")}</h2>
          <p className="mt-1 text-slate-700">{t("page.payIntro", { amount: money(invoice.totalCents), due: date(invoice.dueAt) })}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="pay" />
              <input type="hidden" name="method" value="card-ideal" />
              <Button disabled={busy}>{t("page.payCardIdeal")}</Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="pay" />
              <input type="hidden" name="method" value="sepa" />
              <Button variant="secondary" disabled={busy}>
                {t("page.paySepa")}
              </Button>
            </Form>
          </div>
          <p className="mt-3 text-sm text-slate-700">{t("page.payTransfer", { iban: seller.iban, number: invoice.number, name: seller.name })}</p>
        </Card>
      ) : null}

      <Card className="print:border-0 print:shadow-none">
        <article aria-labelledby="invoice-heading" className="space-y-6">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 id="invoice-heading" className="text-xl font-bold">
                {t("doc.heading")}
              </h2>
              <p className="mt-1">
                <InvoiceStatusBadge invoice={invoice} />
              </p>
            </div>
            <div className="min-w-0 text-sm [overflow-wrap:anywhere]">
              <p className="font-semibold">{seller.name}</p>
              <Address lines={[seller.address, `${seller.postcode} ${seller.city}`, seller.email]} />
            </div>
          </div>

          <div className="grid gap-6 sm:grid-cols-2">
            <div className="min-w-0 [overflow-wrap:anywhere]">
              <h3 className="text-sm font-semibold text-slate-600">{t("doc.to")}</h3>
              <p className="font-semibold">{buyer.name}</p>
              <Address
                lines={[
                  buyer.attention ? t("doc.attention", { name: buyer.attention }) : null,
                  buyer.address,
                  [buyer.postcode, buyer.city].filter(Boolean).join(" "),
                  buyer.vatNumber ? `${t("doc.vatNumber")}: ${buyer.vatNumber}` : null,
                ]}
              />
            </div>
            <dl className="grid min-w-0 grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm [overflow-wrap:anywhere]">
              <dt className="font-semibold">{t("doc.number")}</dt>
              <dd>{invoice.number}</dd>
              <dt className="font-semibold">{t("doc.issued")}</dt>
              <dd>{date(invoice.issuedAt)}</dd>
              <dt className="font-semibold">{t("doc.due")}</dt>
              <dd>{date(invoice.dueAt)}</dd>
              <dt className="font-semibold">{t("doc.period")}</dt>
              <dd>{t("doc.periodValue", { from: date(invoice.periodStart), to: date(invoice.periodEnd) })}</dd>
              {invoice.poNumber ? (
                <>
                  <dt className="font-semibold">{t("doc.po")}</dt>
                  <dd className="break-all">{invoice.poNumber}</dd>
                </>
              ) : null}
            </dl>
          </div>

          <div className="relative max-w-full overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("doc.caption")}</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-semibold">
                    {t("doc.description")}
                  </th>
                  <th scope="col" className="py-2 text-right font-semibold">
                    {t("doc.amount")}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr className="border-b border-slate-200">
                  <td className="py-2 pr-4">{invoice.description}</td>
                  <td className="py-2 text-right whitespace-nowrap">{money(invoice.netCents)}</td>
                </tr>
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" className="py-1 pr-4 text-right font-normal">
                    {t("doc.net")}
                  </th>
                  <td className="py-1 text-right whitespace-nowrap">{money(invoice.netCents)}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1 pr-4 text-right font-normal">
                    {invoice.vatMode === "EXEMPT" ? t("doc.vatExempt") : t("doc.vat", { rate: formatVatRate(invoice.vatRateBp, lng) })}
                  </th>
                  <td className="py-1 text-right whitespace-nowrap">{money(invoice.vatCents)}</td>
                </tr>
                <tr className="border-t border-slate-300">
                  <th scope="row" className="py-2 pr-4 text-right font-bold">
                    {t("doc.total")}
                  </th>
                  <td className="py-2 text-right font-bold whitespace-nowrap">{money(invoice.totalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>

          {invoice.vatMode === "EXEMPT" && seller.vatExemptionReason ? <p className="text-sm text-slate-700">{seller.vatExemptionReason}</p> : null}
          <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">{t("doc.terms", { count: paymentTermOf(invoice), iban: seller.iban, name: seller.name, number: invoice.number, due: date(invoice.dueAt) })}</p>
          <p className="text-sm text-slate-600">
            {[`${t("doc.kvk")}: ${seller.kvkNumber}`, seller.vatNumber ? `${t("doc.vatNumber")}: ${seller.vatNumber}` : null, `IBAN: ${seller.iban}`]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </article>
      </Card>
    </div>
  );
}
