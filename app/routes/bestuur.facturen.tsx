// The board's invoices per school year: who has paid, who has not and why (no payment started,
// checkout expired, SEPA processing, payment failed), reminders sent; record a bank transfer,
// waive, or mail the invoice again.
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BoardInvoiceTable, type BoardInvoiceReply } from "~/components/invoices/board-invoices";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import { notFound, requireBoard } from "~/modules/auth/access.server";
import { BoardInvoiceActionSchema } from "~/modules/invoices/board-invoices.schema";
import { getBoardInvoicesPage, runBoardInvoiceAction } from "~/modules/invoices/board-invoices.server";
import { INVOICE_ID } from "~/modules/invoices/invoice-schema";
import { formatMoney } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBoard(request);
  const t = await i18next.getFixedT(await getLanguage(request), "invoices");
  const page = await getBoardInvoicesPage(Number(new URL(request.url).searchParams.get("jaar")));
  return json({ title: t("board.title"), ...page });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = BoardInvoiceActionSchema;

const reply = (result: SubmissionResult<string[]>, invoiceId: string | null, status = 400) => json<BoardInvoiceReply>({ result, invoiceId }, { status });

export async function action({ request }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: actionSchema });
  const posted = form.get("invoiceId");
  const postedId = typeof posted === "string" && INVOICE_ID.test(posted) ? posted : null;
  if (submission.status !== "success") return reply(submission.reply(), postedId);
  const result = await runBoardInvoiceAction(submission.value, board.id);
  if (result.ok) return redirectWithToast(result.path, result.toast);
  if (result.error === "not_found") notFound();
  if ("field" in result) return reply(submission.reply({ fieldErrors: { [result.field]: [`invoices:errors.${result.error}`] } }), submission.value.invoiceId);
  return reply(submission.reply({ formErrors: [`invoices:errors.${result.error}`] }), submission.value.invoiceId, 409);
}

export default function BoardInvoices() {
  const { t, i18n } = useTranslation("invoices");
  const lng = i18n.language;
  const { rows, stats, year, years, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && "result" in actionData ? actionData : null;

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
        <BoardInvoiceTable rows={rows} year={year} today={today} failed={failed} />
      )}
    </div>
  );
}
