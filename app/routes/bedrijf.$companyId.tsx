import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import type { CompanyStatus } from "~/generated/prisma/enums";
import { notFound } from "~/modules/auth/session.server";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { getCompanyFrame } from "~/modules/network/company-pages.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

const STATUS_TONES: Record<CompanyStatus, BadgeTone> = {
  APPLIED: "info",
  APPROVED: "info",
  ACTIVE: "success",
  GRACE: "warning",
  ENDED: "neutral",
  REJECTED: "danger",
};

// The frame of a company's own pages. Each page below checks access itself as well: a layout's
// loader does not guard its children's loaders and actions.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const company = await getCompanyFrame(companyId);
  if (!company) notFound();
  return json({ company });
}

export default function CompanyLayout() {
  const { t } = useTranslation("network");
  const { company } = useLoaderData<typeof loader>();
  const base = `/bedrijf/${company.id}`;
  const tabs = [
    { to: base, label: t("nav.profile"), end: true },
    { to: `${base}/contactpersonen`, label: t("nav.contacts") },
    { to: `${base}/facturen`, label: t("nav.invoices") },
    { to: `${base}/verzoeken`, label: t("nav.requests") },
    { to: `${base}/jaaroverzicht`, label: t("nav.summary") },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 pb-4">
        <p className="text-lg font-semibold text-slate-900">{company.name}</p>
        <Badge tone={STATUS_TONES[company.status]}>{t(`companyStatus.${company.status}`)}</Badge>
      </div>
      <nav aria-label={t("nav.label")}>
        <ul className="flex gap-1 overflow-x-auto pb-1">
          {tabs.map((tab) => (
            <li key={tab.to} className="shrink-0">
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  `inline-flex min-h-11 items-center rounded-lg px-3 font-semibold no-underline ${isActive ? "bg-brand-700 text-white" : "text-brand-800 hover:bg-brand-50"}`
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
