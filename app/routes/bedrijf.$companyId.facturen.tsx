import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CompanyInvoicesView } from "~/components/network/company-invoices";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { getCompanyInvoices } from "~/modules/network/company-pages.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 4;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const page = await getCompanyInvoices(companyId);
  if (!page) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({ title: `${t("invoices.title")} · ${page.name}`, invoices: page.invoices, payments: page.payments });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function CompanyInvoices() {
  const { invoices, payments } = useLoaderData<typeof loader>();
  return <CompanyInvoicesView invoices={invoices} payments={payments} />;
}
