// The PDF of an invoice reached from its mail (same secret token as the page).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/session.server";
import { ACCESS_TOKEN } from "~/modules/invoices/invoices.server";
import { invoicePdfResponse } from "~/modules/invoices/pdf.server";
import { db } from "~/utils/db.server";
import { getLanguage } from "~/utils/i18n.server";

export const queryBudget = 1;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token;
  if (!token || !ACCESS_TOKEN.test(token)) notFound();
  const invoice = await db.invoice.findUnique({ where: { accessToken: token } });
  if (!invoice) notFound();
  return invoicePdfResponse(invoice, await getLanguage(request));
}
