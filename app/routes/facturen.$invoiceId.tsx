// An invoice for signed-in people: the board and the contacts of the invoice's company; anyone
// else gets 404 (an invoice of another company does not exist for them). Same page as the mail link.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InvoiceDocument } from "~/components/invoices/invoice-document";
import { notFound, requireUser } from "~/modules/auth/access.server";
import { getInvoiceFor, invoicePageAction, invoicePageData } from "~/modules/invoices/invoice-page.server";
import { INVOICE_ID, invoicePageActionSchema } from "~/modules/invoices/invoice-schema";
import { invoicePath, isBoard } from "~/modules/invoices/invoices.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

async function invoiceFor(request: Request, invoiceId: string | undefined) {
  const user = await requireUser(request);
  if (!invoiceId || !INVOICE_ID.test(invoiceId)) notFound();
  const invoice = await getInvoiceFor(user, invoiceId);
  if (!invoice) notFound();
  return { user, invoice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, invoice } = await invoiceFor(request, params.invoiceId);
  const lng = await getLanguage(request);
  const t = await i18next.getFixedT(lng, "invoices");
  const data = await invoicePageData(invoice, new URL(request.url).searchParams.get("session_id"), { board: isBoard(user) });
  return json({ title: t("page.title", { number: invoice.number }), invoice: data, pdfHref: `${invoicePath(invoice.id)}/pdf` });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = invoicePageActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, invoice } = await invoiceFor(request, params.invoiceId);
  return invoicePageAction(request, invoice, { returnPath: invoicePath(invoice.id), actorId: user.id, locale: await getLanguage(request), board: isBoard(user) });
}

export default function SignedInInvoice() {
  const { invoice, pdfHref } = useLoaderData<typeof loader>();
  return <InvoiceDocument invoice={invoice} pdfHref={pdfHref} />;
}
