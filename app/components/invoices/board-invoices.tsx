// The board's table of contribution invoices: status, why an open one is not paid, reminders, and
// per open invoice the dialogs to record a bank transfer, waive it or mail it again.
import type { SubmissionResult } from "@conform-to/react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DateField } from "~/components/ui/date-field";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import { schoolYearLabel } from "~/modules/companies/school-year";
import { formatDate, formatMoney } from "~/utils/format";

const STATUS_TONE: Record<string, BadgeTone> = { PAID: "success", WAIVED: "info", CANCELLED: "neutral", OPEN: "warning" };

/** A refused form of the page: conform's reply and the invoice it was about. */
export type BoardInvoiceReply = { result: SubmissionResult<string[]>; invoiceId: string | null };

type Row = {
  id: string;
  number: string;
  status: string;
  totalCents: number;
  issuedAt: string;
  dueAt: string;
  paidAt: string | null;
  settledVia: string | null;
  transferReference: string | null;
  waivedReason: string | null;
  companyName: string;
  overdue: boolean;
  reason: string;
  reminders: { step: number; sentAt: string }[];
};

export function BoardInvoiceTable({ rows, year, today, failed }: { rows: Row[]; year: number; today: string; failed: BoardInvoiceReply | null }) {
  const { t, i18n } = useTranslation("invoices");
  const lng = i18n.language;
  const busy = useNavigation().state !== "idle";
  const errorsFor = (id: string, field: string) => (failed?.invoiceId === id ? failed.result.error?.[field] : undefined);
  const valueFor = (id: string, field: string) => {
    const initial = failed?.invoiceId === id ? (failed.result.initialValue as Record<string, unknown> | undefined)?.[field] : undefined;
    return typeof initial === "string" ? initial : undefined;
  };
  const date = (iso: string) => formatDate(iso, lng);
  return (
    <Card className="p-0">
      {/* relative: screen-reader-only texts are positioned inside the scrolling box, not the page */}
      <div className="relative max-w-full overflow-x-auto">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="px-4 py-3 text-left text-slate-600">{t("board.caption", { year: schoolYearLabel(year) })}</caption>
          <thead className="border-y border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("board.columns.number")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("board.columns.company")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("board.columns.amount")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("board.columns.status")}
              </th>
              <th scope="col" className="px-4 py-2 font-semibold">
                {t("board.columns.actions")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="align-top">
                <th scope="row" className="px-4 py-3 font-normal">
                  <Link to={`/facturen/${row.id}`} className="inline-flex min-h-11 items-center font-semibold">
                    {row.number}
                  </Link>
                  <span className="block text-slate-600">{t("board.issued", { date: date(row.issuedAt) })}</span>
                </th>
                <td className="px-4 py-3">{row.companyName}</td>
                <td className="whitespace-nowrap px-4 py-3">{formatMoney(row.totalCents, lng)}</td>
                <td className="px-4 py-3">
                  <Badge tone={row.status === "OPEN" && row.overdue ? "danger" : (STATUS_TONE[row.status] ?? "neutral")}>
                    {row.status === "OPEN" && row.overdue ? t("status.overdue") : t(`status.${row.status}`)}
                  </Badge>
                  {row.status === "PAID" && row.paidAt ? (
                    <span className="mt-1 block">
                      {t(`board.settled.${row.settledVia === "TRANSFER" ? "TRANSFER" : "STRIPE"}`, { date: date(row.paidAt), reference: row.transferReference ?? "" })}
                    </span>
                  ) : null}
                  {row.status === "WAIVED" ? <span className="mt-1 block break-words">{t("board.settled.WAIVED", { reason: row.waivedReason ?? "" })}</span> : null}
                  {row.status === "OPEN" ? (
                    <>
                      <span className="mt-1 block">{t(`board.reason.${row.reason}`)}</span>
                      <span className="block text-slate-600">{t("board.due", { date: date(row.dueAt) })}</span>
                    </>
                  ) : null}
                  {row.reminders.length > 0 ? (
                    <ul className="mt-1 text-slate-600">
                      {row.reminders.map((r) => (
                        <li key={r.step}>{t("board.reminder", { count: r.step, date: date(r.sentAt) })}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  {row.status === "OPEN" ? (
                    <div className="flex flex-wrap gap-2">
                      <Dialog title={t("board.transfer.title", { number: row.number })} triggerLabel={t("board.transfer.open")}>
                        <Form method="post" className="grid gap-4">
                          <input type="hidden" name="intent" value="transfer" />
                          <input type="hidden" name="invoiceId" value={row.id} />
                          <p>{t("board.transfer.text", { company: row.companyName, amount: formatMoney(row.totalCents, lng) })}</p>
                          <DateField
                            label={t("board.transfer.date")}
                            name="date"
                            id={`date-${row.id}`}
                            defaultValue={valueFor(row.id, "date") ?? today}
                            errors={errorsFor(row.id, "date")}
                            max={today}
                            required
                          />
                          <TextField
                            label={t("board.transfer.reference")}
                            hint={t("board.transfer.referenceHint")}
                            name="reference"
                            id={`reference-${row.id}`}
                            maxLength={100}
                            defaultValue={valueFor(row.id, "reference")}
                            errors={errorsFor(row.id, "reference")}
                            required
                          />
                          <div>
                            <Button pending={busy}>{t("board.transfer.submit")}</Button>
                          </div>
                        </Form>
                      </Dialog>
                      <Dialog title={t("board.waive.title", { number: row.number })} triggerLabel={t("board.waive.open")}>
                        <Form method="post" className="grid gap-4">
                          <input type="hidden" name="intent" value="waive" />
                          <input type="hidden" name="invoiceId" value={row.id} />
                          <p>{t("board.waive.text", { company: row.companyName })}</p>
                          <TextareaField
                            label={t("board.waive.reason")}
                            name="reason"
                            id={`reason-${row.id}`}
                            maxLength={500}
                            defaultValue={valueFor(row.id, "reason")}
                            errors={errorsFor(row.id, "reason")}
                            required
                          />
                          <div>
                            <Button variant="danger" pending={busy}>
                              {t("board.waive.submit")}
                            </Button>
                          </div>
                        </Form>
                      </Dialog>
                      <ConfirmDialog
                        title={t("board.resend.title", { number: row.number })}
                        triggerLabel={t("board.resend.open")}
                        triggerVariant="ghost"
                        confirmLabel={t("board.resend.submit")}
                        fields={{ intent: "resend", invoiceId: row.id }}
                        preventScrollReset
                      >
                        {t("board.resend.text", { company: row.companyName })}
                      </ConfirmDialog>
                    </div>
                  ) : (
                    <Link to={`/facturen/${row.id}`} className="inline-flex min-h-11 items-center">
                      {t("board.view")}
                      <span className="sr-only"> {row.number}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
