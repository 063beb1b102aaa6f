// A company's invoices and payments (/bedrijf/<id>/facturen).
import type { SerializeFrom } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { EmptyState } from "~/components/ui/empty-state";
import { Card, PageHeader } from "~/components/ui/page";
import type { InvoiceStatus, PaymentStatus } from "~/generated/prisma/enums";
import type { getCompanyInvoices } from "~/modules/network/company-pages.server";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { formatDate, formatMoney } from "~/utils/format";

const INVOICE_TONES: Record<InvoiceStatus, BadgeTone> = { OPEN: "info", PAID: "success", WAIVED: "neutral", CANCELLED: "neutral" };
const PAYMENT_TONES: Record<PaymentStatus, BadgeTone> = { OPEN: "info", PAID: "success", FAILED: "danger", EXPIRED: "neutral", REFUNDED: "warning" };

/** The invoices (view and PDF links) and the payments made for them. */
export function CompanyInvoicesView({ invoices, payments }: Pick<NonNullable<SerializeFrom<typeof getCompanyInvoices>>, "invoices" | "payments">) {
  const { t, i18n } = useTranslation("network");
  const lng = i18n.language;
  return (
    <div className="space-y-6">
      <PageHeader title={t("invoices.title")} intro={t("invoices.intro")} />
      {invoices.length === 0 ? (
        <EmptyState title={t("invoices.emptyTitle")} text={t("invoices.emptyText")} />
      ) : (
        <Card>
          <h2 className="text-lg font-semibold">{t("invoices.listTitle")}</h2>
          <ScrollRegion className="relative mt-3" label={t("invoices.listTitle")}>
            <table className="w-full min-w-[40rem] text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">{t("invoices.number")}</th>
                  <th scope="col" className="py-2 pr-3">{t("invoices.period")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("invoices.amount")}</th>
                  <th scope="col" className="py-2 pr-3">{t("invoices.status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("invoices.paidAt")}</th>
                  <th scope="col" className="py-2">{t("invoices.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {invoices.map((invoice) => (
                  <tr key={invoice.id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-2 pr-3 font-semibold">
                      {invoice.number}
                      <span className="block font-normal text-slate-600">{invoice.description}</span>
                    </th>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {formatDate(invoice.periodStart, lng, "short")} – {formatDate(invoice.periodEnd, lng, "short")}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{formatMoney(invoice.totalCents, lng)}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={invoice.overdue ? "danger" : INVOICE_TONES[invoice.status]}>
                        {invoice.overdue ? t("invoices.overdue") : t(`invoiceStatus.${invoice.status}`)}
                      </Badge>
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{invoice.paidAt ? formatDate(invoice.paidAt, lng) : "—"}</td>
                    <td className="py-2">
                      <ul className="flex flex-wrap gap-x-3">
                        <li>
                          <a href={`/facturen/${invoice.id}`} className="inline-flex min-h-11 items-center">
                            {t("invoices.view")}
                            <span className="sr-only"> {invoice.number}</span>
                          </a>
                        </li>
                        <li>
                          <a href={`/facturen/${invoice.id}/pdf`} download className="inline-flex min-h-11 items-center">
                            {t("invoices.download")}
                            <span className="sr-only"> {invoice.number}</span>
                          </a>
                        </li>
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}
      <Card>
        <h2 className="text-lg font-semibold">{t("invoices.paymentsTitle")}</h2>
        {payments.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("invoices.noPayments")}</p>
        ) : (
          <ScrollRegion className="relative mt-3" label={t("invoices.paymentsTitle")}>
            <table className="w-full min-w-[32rem] text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">{t("invoices.paymentDate")}</th>
                  <th scope="col" className="py-2 pr-3">{t("invoices.number")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("invoices.amount")}</th>
                  <th scope="col" className="py-2">{t("invoices.status")}</th>
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr key={p.id} className="border-b border-slate-100">
                    <th scope="row" className="py-2 pr-3 font-normal whitespace-nowrap">{formatDate(p.paidAt ?? p.createdAt, lng)}</th>
                    <td className="py-2 pr-3">{p.invoiceNumber}</td>
                    <td className="py-2 pr-3 text-right tabular-nums whitespace-nowrap">{formatMoney(p.amountCents, lng)}</td>
                    <td className="py-2">
                      <Badge tone={PAYMENT_TONES[p.status]}>{t(`paymentStatus.${p.status}`)}</Badge>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </div>
  );
}
