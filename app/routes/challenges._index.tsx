import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicChallengeList } from "~/components/challenges/public-challenge-list";
import { listChallenges } from "~/modules/challenges/public-pages.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

export async function loader({ request }: LoaderFunctionArgs) {
  const [t, challenges] = await Promise.all([getLanguage(request).then((lng) => i18next.getFixedT(lng, "challenges")), listChallenges()]);
  return json({ title: t("public.listTitle"), challenges });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Challenges() {
  return <PublicChallengeList challenges={useLoaderData<typeof loader>().challenges} />;
}
