// The board's invoices per school year: who has paid, who has not and why (no payment started,
// checkout expired, SEPA processing, payment failed), reminders sent; record a bank transfer,
// waive, or mail the invoice again.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DateField } from "~/components/ui/date-field";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import { TextareaField } from "~/components/ui/textarea";
import { requireRole } from "~/modules/auth/session.server";
import { schoolYearLabel, schoolYearOf } from "~/modules/companies/school-year";
import { isOverdue } from "~/modules/invoices/invoice-math";
import { INVOICE_ID } from "~/modules/invoices/invoice-schema";
import { CONTRIBUTION, InvoiceError, paymentsOfInvoices, recordTransfer, resendInvoice, waiveInvoice } from "~/modules/invoices/invoices.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate, formatMoney, fromAmsterdamTime, parseDateInput, toDateInputValue } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

const PAGE = "/bestuur/facturen";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

/** Why an open invoice is not paid yet, from its latest payment. */
const REASONS = ["none", "open", "expired", "processing", "failed", "refunded", "paid"] as const;
type Reason = (typeof REASONS)[number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const lng = await getLanguage(request);
  const t = await i18next.getFixedT(lng, "invoices");
  const at = now();
  const current = schoolYearOf(at);
  const yearParam = Number(new URL(request.url).searchParams.get("jaar"));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2200 ? yearParam : current;
  const [years, invoices] = await Promise.all([
    db.schoolYear.findMany({ select: { startYear: true }, orderBy: { startYear: "desc" }, take: 20 }),
    db.invoice.findMany({
      where: { kind: CONTRIBUTION, schoolYear: { startYear: year } },
      select: {
        id: true,
        number: true,
        status: true,
        totalCents: true,
        issuedAt: true,
        dueAt: true,
        paidAt: true,
        settledVia: true,
        transferReference: true,
        waivedReason: true,
        company: { select: { name: true } },
        reminders: { select: { step: true, sentAt: true }, orderBy: { step: "asc" } },
      },
      orderBy: [{ status: "asc" }, { number: "asc" }],
    }),
  ]);
  const payments = await paymentsOfInvoices(invoices.filter((i) => i.status === "OPEN").map((i) => i.id));
  const rows = invoices.map((invoice) => {
    const latest = payments.get(invoice.id)?.[0];
    const reason: Reason = invoice.status !== "OPEN" ? "paid" : ((latest?.phase ?? "none") as Reason);
    return { ...invoice, companyName: invoice.company.name, overdue: isOverdue(invoice, at), reason };
  });
  const open = rows.filter((r) => r.status === "OPEN");
  const yearList = [...new Set([current, ...years.map((y) => y.startYear), year])].sort((a, b) => b - a);
  return json({
    title: t("board.title"),
    year,
    years: yearList.map((y) => ({ value: y, label: schoolYearLabel(y) })),
    today: toDateInputValue(at),
    rows,
    stats: {
      paid: rows.filter((r) => r.status === "PAID" || r.status === "WAIVED").length,
      open: open.length,
      overdue: open.filter((r) => r.overdue).length,
      outstandingCents: open.reduce((sum, r) => sum + r.totalCents, 0),
    },
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// PostgreSQL text cannot hold NUL (and nobody types one): it is dropped before the checks.
const text = (max: number, message: string) =>
  z
    .string({ error: message })
    .transform((value) => value.replaceAll("\u0000", ""))
    .pipe(z.string({ error: message }).trim().min(1, message).max(max, message));

const invoiceId = z.string().regex(INVOICE_ID);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("transfer"),
    invoiceId,
    date: z
      .string({ error: "invoices:errors.date" })
      .transform((value) => parseDateInput(value.replaceAll("\u0000", "")))
      .pipe(z.string({ error: "invoices:errors.date" })),
    reference: text(100, "invoices:errors.reference"),
  }),
  z.object({ intent: z.literal("waive"), invoiceId, reason: text(500, "invoices:errors.reason") }),
  z.object({ intent: z.literal("resend"), invoiceId }),
]);

type Reply = { result: SubmissionResult<string[]>; invoiceId: string | null };
const reply = (result: SubmissionResult<string[]>, invoiceId: string | null, status = 400) => json<Reply>({ result, invoiceId }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: actionSchema });
  const posted = form.get("invoiceId");
  const postedId = typeof posted === "string" && INVOICE_ID.test(posted) ? posted : null;
  if (submission.status !== "success") return reply(submission.reply(), postedId);
  const value = submission.value;
  const back = async () => {
    const invoice = await db.invoice.findUnique({ where: { id: value.invoiceId }, select: { schoolYear: { select: { startYear: true } } } });
    return invoice?.schoolYear ? `${PAGE}?jaar=${invoice.schoolYear.startYear}` : PAGE;
  };
  try {
    if (value.intent === "transfer") {
      const date = fromAmsterdamTime(value.date, "12:00")!;
      const invoice = await recordTransfer({ invoiceId: value.invoiceId, date, reference: value.reference, actorId: board.id });
      return redirectWithToast(await back(), { key: "invoices:board.toast.transfer", values: { number: invoice.number } });
    }
    if (value.intent === "waive") {
      const invoice = await waiveInvoice({ invoiceId: value.invoiceId, reason: value.reason, actorId: board.id });
      return redirectWithToast(await back(), { key: "invoices:board.toast.waived", values: { number: invoice.number } });
    }
    await resendInvoice(value.invoiceId, board.id);
    return redirectWithToast(await back(), { key: "invoices:board.toast.resent" });
  } catch (error) {
    if (error instanceof InvoiceError) {
      if (error.code === "not_found") throw new Response("Not Found", { status: 404 });
      if (error.code === "not_open") return reply(submission.reply({ formErrors: ["invoices:errors.not_open"] }), value.invoiceId, 409);
      if (error.code === "no_recipient") return reply(submission.reply({ formErrors: ["invoices:errors.no_recipient"] }), value.invoiceId, 409);
      if (error.code === "date_future" || error.code === "date_before_invoice") return reply(submission.reply({ fieldErrors: { date: [`invoices:errors.${error.code}`] } }), value.invoiceId);
    }
    throw error;
  }
}

const STATUS_TONE: Record<string, BadgeTone> = { PAID: "success", WAIVED: "info", CANCELLED: "neutral", OPEN: "warning" };

export default function BoardInvoices() {
  const { t, i18n } = useTranslation("invoices");
  const lng = i18n.language;
  const { rows, stats, year, years, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failed = actionData && "result" in actionData ? actionData : null;
  const errorsFor = (id: string, field: string) => (failed?.invoiceId === id ? failed.result.error?.[field] : undefined);
  const valueFor = (id: string, field: string) => {
    const initial = failed?.invoiceId === id ? (failed.result.initialValue as Record<string, unknown> | undefined)?.[field] : undefined;
    return typeof initial === "string" ? initial : undefined;
  };
  const date = (iso: string) => formatDate(iso, lng);

  return (
    <div className="space-y-6">
      <PageHeader title={t("board.title")} intro={t("board.intro")} />
      {failed?.result.error?.[""] ? (
        <Alert tone="error">
          <ErrorList errors={failed.result.error[""]} />
        </Alert>
      ) : failed ? (
        <Alert tone="error">{t("board.checkInput")}</Alert>
      ) : null}

      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="jaar" className="block text-sm font-semibold">
            {t("board.year")}
          </label>
          <select id="jaar" name="jaar" defaultValue={String(year)} className="mt-1 block min-h-11 rounded-lg border border-slate-400 bg-white px-3 py-2">
            {years.map((y) => (
              <option key={y.value} value={y.value}>
                {y.label}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("board.show")}</Button>
      </Form>

      <StatGroup>
        <Stat label={t("board.stats.paid")} value={stats.paid} />
        <Stat label={t("board.stats.open")} value={stats.open} />
        <Stat label={t("board.stats.overdue")} value={stats.overdue} />
        <Stat label={t("board.stats.outstanding")} value={formatMoney(stats.outstandingCents, lng)} />
      </StatGroup>

      {rows.length === 0 ? (
        <EmptyState title={t("board.emptyTitle")} text={t("board.emptyText")} />
      ) : (
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
                            <li key={r.step}>{t("board.reminder", { days: r.step, date: date(r.sentAt) })}</li>
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
                                max={today}
                                errors={errorsFor(row.id, "date")}
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
      )}
    </div>
  );
}
