// The PDF of an invoice, for the board and the contacts of the invoice's company (others: 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/session.server";
import { canSeeInvoice, INVOICE_ID } from "~/modules/invoices/invoices.server";
import { invoicePdfResponse } from "~/modules/invoices/pdf.server";
import { db } from "~/utils/db.server";
import { getLanguage } from "~/utils/i18n.server";

export const queryBudget = 2;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invoiceId = params.invoiceId;
  if (!invoiceId || !INVOICE_ID.test(invoiceId)) notFound();
  const invoice = await db.invoice.findUnique({ where: { id: invoiceId } });
  if (!invoice || !canSeeInvoice(user, invoice.companyId)) notFound();
  return invoicePdfResponse(invoice, await getLanguage(request));
}
