// The PDF of an invoice reached from its mail (same secret token as the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/access.server";
import { getInvoiceDocumentByToken } from "~/modules/invoices/invoice-page.server";
import { ACCESS_TOKEN } from "~/modules/invoices/invoice-schema";
import { invoicePdfResponse } from "~/modules/invoices/pdf.server";
import { getLanguage } from "~/utils/i18n.server";

export const queryBudget = 1;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token;
  if (!token || !ACCESS_TOKEN.test(token)) notFound();
  const invoice = await getInvoiceDocumentByToken(token);
  if (!invoice) notFound();
  return invoicePdfResponse(invoice, await getLanguage(request));
}
