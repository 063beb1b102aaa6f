// An invoice reached from its mail, without signing in: the secret token in the link is the key.
// Printable; pay with iDEAL/card or SEPA direct debit; back from checkout it converges (a GET never writes).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InvoiceDocument } from "~/components/invoices/invoice-document";
import { notFound } from "~/modules/auth/access.server";
import { getInvoiceByToken, invoicePageAction, invoicePageData } from "~/modules/invoices/invoice-page.server";
import { ACCESS_TOKEN, invoicePageActionSchema } from "~/modules/invoices/invoice-schema";
import { publicInvoicePath } from "~/modules/invoices/invoices.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 3;

async function invoiceByToken(token: string | undefined) {
  if (!token || !ACCESS_TOKEN.test(token)) notFound();
  const invoice = await getInvoiceByToken(token);
  if (!invoice) notFound();
  return invoice;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invoice = await invoiceByToken(params.token);
  const lng = await getLanguage(request);
  const t = await i18next.getFixedT(lng, "invoices");
  const data = await invoicePageData(invoice, new URL(request.url).searchParams.get("session_id"));
  return json({ title: t("page.title", { number: invoice.number }), invoice: data, pdfHref: `${publicInvoicePath(params.token!)}/pdf` });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }, { name: "robots", content: "noindex" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = invoicePageActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const invoice = await invoiceByToken(params.token);
  return invoicePageAction(request, invoice, { returnPath: publicInvoicePath(invoice.accessToken), actorId: null, locale: await getLanguage(request) });
}

export default function PublicInvoice() {
  const { invoice, pdfHref } = useLoaderData<typeof loader>();
  return <InvoiceDocument invoice={invoice} pdfHref={pdfHref} />;
}
