import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CompanyProfileForm } from "~/components/network/company-profile-form";
import { requireCompanyAccess } from "~/modules/auth/ownership.server";
import { notFound } from "~/modules/auth/session.server";
import { uploadLimits } from "~/modules/files/files.server";
import { getCompanyProfile } from "~/modules/network/company-pages.server";
import { ProfileActionSchema } from "~/modules/network/network.schema";
import { profileAction } from "~/modules/network/profile.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 2;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyAccess(request, params.companyId);
  const company = await getCompanyProfile(companyId);
  if (!company) notFound();
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({
    title: `${t("profile.title")} · ${company.name}`,
    company,
    logo: uploadLimits("LOGO", await getLanguage(request)),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ProfileActionSchema;
export const action = profileAction;

export default function CompanyProfile() {
  const { company, logo } = useLoaderData<typeof loader>();
  return <CompanyProfileForm company={company} logo={logo} actionData={useActionData<typeof action>()} />;
}
