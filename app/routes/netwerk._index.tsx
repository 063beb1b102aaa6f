import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { controlClass } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { Pagination } from "~/components/ui/table";
import { getOptionalUser } from "~/modules/auth/session.server";
import { canSeeContactPersons, listDirectory, listedSectors } from "~/modules/network/directory.server";
import { getLanguage, i18next } from "~/utils/i18n.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const [withContacts, sectors] = await Promise.all([canSeeContactPersons(user), listedSectors()]);
  const wanted = new URL(request.url).searchParams.get("sector") ?? "";
  // Only a sector that exists filters; anything else (typed into the URL) shows all sectors.
  const sector = sectors.includes(wanted) ? wanted : "";
  const { state, companies } = await listDirectory(request, sector, withContacts);
  const t = await i18next.getFixedT(await getLanguage(request), "network");
  return json({ title: t("directory.title"), state, companies, sectors, sector, withContacts, signedIn: Boolean(user) });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export default function Directory() {
  const { t } = useTranslation("network");
  const { state, companies, sectors, sector, withContacts, signedIn } = useLoaderData<typeof loader>();
  const searchId = useId();
  const filtered = Boolean(state.q || sector);
  return (
    <div className="space-y-6">
      <PageHeader title={t("directory.title")} intro={t("directory.intro")} />
      <Form method="get" role="search" aria-label={t("directory.searchLabel")} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-[1_1_14rem]">
          <label htmlFor={searchId} className="block text-sm font-semibold text-slate-900">
            {t("directory.search")}
          </label>
          <input id={searchId} type="search" name="q" defaultValue={state.q} key={state.q} maxLength={100} className={controlClass(false)} />
        </div>
        <SelectField
          label={t("directory.sector")}
          name="sector"
          defaultValue={sector}
          key={`sector-${sector}`}
          placeholder={t("directory.allSectors")}
          options={sectors.map((s) => ({ value: s, label: s }))}
          className="min-w-0 flex-[1_1_12rem]"
        />
        <Button>{t("directory.apply")}</Button>
        {filtered ? (
          <Link to="?" className="inline-flex min-h-11 items-center">
            {t("directory.clear")}
          </Link>
        ) : null}
      </Form>
      <p className="text-slate-700" aria-live="polite">
        {t("directory.count", { count: state.total })}
      </p>
      {!withContacts && companies.length > 0 ? (
        <p className="text-sm text-slate-700">{signedIn ? t("directory.contactsForNetwork") : t("directory.contactsSignIn")}</p>
      ) : null}
      {companies.length === 0 ? (
        filtered ? (
          <EmptyState title={t("directory.noResultsTitle")} text={t("directory.noResultsText")} action={{ to: "?", label: t("directory.clear") }} />
        ) : (
          <EmptyState title={t("directory.emptyTitle")} text={t("directory.emptyText")} />
        )
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {companies.map((c) => (
            <li key={c.id} className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex items-start gap-3">
                {c.logoFileId ? (
                  <img src={`/files/${c.logoFileId}`} alt="" className="size-16 shrink-0 rounded border border-slate-200 object-contain p-1" loading="lazy" />
                ) : (
                  <span aria-hidden className="flex size-16 shrink-0 items-center justify-center rounded bg-brand-50 text-2xl font-bold text-brand-800">
                    {c.name.slice(0, 1).toUpperCase()}
                  </span>
                )}
                <div className="min-w-0">
                  <h2 className="text-lg font-semibold break-words">{c.name}</h2>
                  <p className="text-slate-700">{[c.sector, c.city].filter(Boolean).join(" · ")}</p>
                </div>
              </div>
              {c.description ? <p className="break-words text-slate-800">{c.description}</p> : null}
              {c.website ? (
                <p>
                  <a href={c.website} rel="noopener noreferrer nofollow" className="inline-flex min-h-11 items-center break-all">
                    {c.website.replace(/^https?:\/\//, "")}
                    <span className="sr-only"> ({t("directory.websiteOf", { name: c.name })})</span>
                  </a>
                </p>
              ) : null}
              {withContacts && c.contacts.length > 0 ? (
                <div>
                  <h3 className="text-sm font-semibold text-slate-900">{t("directory.contactPersons")}</h3>
                  <ul className="mt-1 space-y-2 text-sm">
                    {c.contacts.map((p) => (
                      <li key={p.id} className="break-words">
                        <span className="font-semibold">{p.name}</span>
                        {p.jobTitle ? <span className="text-slate-700"> · {p.jobTitle}</span> : null}
                        <br />
                        <a href={`mailto:${p.email}`} className="break-all">
                          {p.email}
                        </a>
                        {p.phone ? (
                          <>
                            {" · "}
                            <a href={`tel:${p.phone.replace(/[^+\d]/g, "")}`}>{p.phone}</a>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={state.page} pages={state.pages} label={t("directory.pages")} />
    </div>
  );
}
