// The PDF of an invoice, for the board and the contacts of the invoice's company (others: 404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireUser } from "~/modules/auth/access.server";
import { getInvoiceDocumentFor } from "~/modules/invoices/invoice-page.server";
import { INVOICE_ID } from "~/modules/invoices/invoice-schema";
import { invoicePdfResponse } from "~/modules/invoices/pdf.server";
import { getLanguage } from "~/utils/i18n.server";

export const queryBudget = 2;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const invoiceId = params.invoiceId;
  if (!invoiceId || !INVOICE_ID.test(invoiceId)) notFound();
  const invoice = await getInvoiceDocumentFor(user, invoiceId);
  if (!invoice) notFound();
  return invoicePdfResponse(invoice, await getLanguage(request));
}
