import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make: none, the page is static (it shows nobody's application).
export const queryBudget = 0;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(await getLanguage(request), "companies");
  return json({ title: t("thanks.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Thanks() {
  const { t } = useTranslation("companies");
  const { title } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={title} intro={t("thanks.intro")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("thanks.nextTitle")}</h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-800">
          <li>{t("thanks.step1")}</li>
          <li>{t("thanks.step2")}</li>
          <li>{t("thanks.step3")}</li>
        </ol>
        <Link to="/" className={buttonClass("secondary", "mt-5")}>
          {t("thanks.home")}
        </Link>
      </Card>
    </div>
  );
}
