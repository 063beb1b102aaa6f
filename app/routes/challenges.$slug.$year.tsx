import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicEdition } from "~/components/challenges/public-edition";
import { notFound } from "~/modules/auth/session.server";
import { getEditionPage } from "~/modules/challenges/public-pages.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 7;

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getEditionPage(params.slug ?? "", params.year ?? "");
  if (!page) notFound();
  return json(page);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.edition.name ?? "" }];

export default function EditionPage() {
  return <PublicEdition data={useLoaderData<typeof loader>()} />;
}
