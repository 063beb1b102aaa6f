import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompanyContacts, CompanyDecisions, CompanyFacts, CompanyHistory, CompanyInvoices, CompanyStatusBadge } from "~/components/companies/company-detail";
import { Alert } from "~/components/ui/alert";
import { ErrorList } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page";
import { notFound, requireBoard } from "~/modules/auth/access.server";
import { decideCompany, getBoardCompanyPage } from "~/modules/companies/board-companies.server";
import { CompanyDecisionSchema } from "~/modules/companies/company.schema";
import { idSchema } from "~/utils/input";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

/** A row id (cuid-like). Anything else is no id and must not reach a query. */
const ZId = idSchema();

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBoard(request);
  const id = ZId.safeParse(params.companyId);
  if (!id.success) notFound();
  const lang = await getLanguage(request);
  const [t, page] = await Promise.all([i18next.getFixedT(lang, "companies"), getBoardCompanyPage(id.data)]);
  if (!page) notFound();
  const { company, tiers } = page;
  return json({ title: t("detail.metaTitle", { name: company.name }), company, tiers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = CompanyDecisionSchema;

type Reply = { intent: string | null; error: string | null; fieldErrors: Record<string, string[]> };
const refuse = (reply: Reply) => json(reply, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireBoard(request);
  const id = ZId.safeParse(params.companyId);
  if (!id.success) notFound();
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: CompanyDecisionSchema });
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")).slice(0, 20) : null;
  if (submission.status !== "success") {
    return refuse({ intent, error: null, fieldErrors: (submission.reply().error ?? {}) as Record<string, string[]> });
  }
  const value = submission.value;
  const actor = { id: board.id, name: board.name };
  const result = await decideCompany(id.data, value, actor);
  if (!result.ok) {
    if (result.error === "not-found") notFound();
    if (result.error === "tier") return refuse({ intent, error: null, fieldErrors: { tierId: ["companies:errors.tierRequired"] } });
    return refuse({ intent, error: "companies:errors.transition", fieldErrors: {} });
  }
  // The toast keys: companies:toast.approve, toast.reject, toast.end, toast.reinstate.
  return redirectWithToast(`/bestuur/bedrijven/${id.data}`, { key: `companies:toast.${value.intent}` });
}

export default function CompanyDetail() {
  const { t, i18n } = useTranslation("companies");
  const { company, tiers } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader
        title={company.name}
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <CompanyStatusBadge status={company.status} />
            {company.statusChangedAt ? <span>{t("detail.since", { date: formatDate(company.statusChangedAt, i18n.language) })}</span> : null}
          </span>
        }
        actions={
          <Link to="/bestuur/bedrijven" className="underline">
            {t("detail.back")}
          </Link>
        }
      />
      {data?.error ? (
        <Alert tone="error">
          <ErrorList errors={[data.error]} />
        </Alert>
      ) : null}
      <CompanyDecisions company={company} tiers={tiers} reply={data} />
      <CompanyFacts company={company} />
      <CompanyContacts contacts={company.contacts} />
      <CompanyInvoices invoices={company.invoices} />
      <CompanyHistory changes={company.statusChanges} />
    </div>
  );
}
