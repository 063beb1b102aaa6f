import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { BoardFigures } from "~/components/dashboard/board-figures";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/auth/access.server";
import { boardFigures } from "~/modules/invoices/board-figures.server";
import { getT } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts):
// the session (1); for the board also the last school years, two groupBys of contribution
// invoices and the count of applications (4).
export const queryBudget = 5;

// Each role's start page; later capabilities fill their own panel.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const board = user.activeRole?.role === "BOARD";
  return json({
    title: t("auth:dashboard.title"),
    name: user.name,
    activeRole: user.activeRole ? { role: user.activeRole.role, organisation: user.activeRole.organisation } : null,
    figures: board ? await boardFigures() : null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Dashboard() {
  const { t } = useTranslation();
  const { name, activeRole, figures } = useLoaderData<typeof loader>();
  const roleLabel = activeRole
    ? `${t(`auth:roles.${activeRole.role}`)}${activeRole.organisation ? ` · ${activeRole.organisation}` : ""}`
    : null;
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:dashboard.welcome", { name })} intro={roleLabel ? t("auth:dashboard.asRole", { role: roleLabel }) : undefined} />
      <Card>
        <p>{activeRole ? t(`auth:dashboard.${activeRole.role}`) : t("auth:dashboard.noRoles")}</p>
        {activeRole ? null : (
          <p className="mt-4">
            <Link to="/docent/aanvragen" className="inline-flex min-h-11 items-center underline">
              {t("auth:dashboard.requestTeacher")}
            </Link>
          </p>
        )}
        {activeRole?.role === "JUROR" ? (
          <p className="mt-4">
            <Link to="/jury" className={buttonClass("primary")}>
              {t("auth:dashboard.jury")}
            </Link>
          </p>
        ) : null}
        {activeRole?.role === "BOARD" ? (
          <p className="mt-4 flex flex-wrap gap-3">
            <Link to="/bestuur/mensen" className={buttonClass("primary")}>
              {t("auth:dashboard.people")}
            </Link>
            <Link to="/taken" className={buttonClass("secondary")}>
              {t("auth:dashboard.tasks")}
            </Link>
          </p>
        ) : null}
      </Card>
      {figures ? <BoardFigures figures={figures} /> : null}
    </div>
  );
}
