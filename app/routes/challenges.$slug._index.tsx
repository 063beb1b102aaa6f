import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicChallenge } from "~/components/challenges/public-challenge";
import { notFound } from "~/modules/auth/session.server";
import { getChallengePage } from "~/modules/challenges/public-pages.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

export async function loader({ params }: LoaderFunctionArgs) {
  const challenge = await getChallengePage(params.slug ?? "");
  if (!challenge) notFound();
  return json({ challenge });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.challenge.name ?? "" }];

export default function ChallengePage() {
  return <PublicChallenge challenge={useLoaderData<typeof loader>().challenge} />;
}
