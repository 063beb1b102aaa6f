import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { DataItem, DataList } from "~/components/ui/data-list";
import { ErrorList } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { TextareaField } from "~/components/ui/textarea";
import type { CompanyStatus } from "~/generated/prisma/enums";
import { notFound, requireRole } from "~/modules/auth/session.server";
import { approveApplication, endCompany, reinstateCompany, rejectApplication } from "~/modules/companies/applications.server";
import { decideCompanyTransition } from "~/modules/companies/company-state";
import { db } from "~/utils/db.server";
import { formatDate, formatDateTime, formatMoney } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getLanguage, i18next } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

const STATUS_TONES: Record<CompanyStatus, BadgeTone> = {
  APPLIED: "info",
  APPROVED: "info",
  ACTIVE: "success",
  GRACE: "warning",
  ENDED: "neutral",
  REJECTED: "danger",
};

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

/** A row id (cuid-like). Anything else is no id and must not reach a query. */
const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "BOARD");
  const id = ZId.safeParse(params.companyId);
  if (!id.success) notFound();
  const lang = await getLanguage(request);
  const [t, company, tiers] = await Promise.all([
    i18next.getFixedT(lang, "companies"),
    db.company.findUnique({
      where: { id: id.data },
      include: {
        tier: { select: { name: true, amountCents: true } },
        contacts: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true, phone: true, jobTitle: true, userId: true } },
        statusChanges: { orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, fromStatus: true, toStatus: true, at: true, reason: true, actor: { select: { name: true } } } },
        invoices: {
          orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
          select: { id: true, number: true, status: true, totalCents: true, issuedAt: true, dueAt: true, paidAt: true, description: true },
        },
      },
    }),
    db.contributionTier.findMany({ where: { archivedAt: null }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true, amountCents: true } }),
  ]);
  if (!company) notFound();
  return json({ title: t("detail.metaTitle", { name: company.name }), company, tiers });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const reason = z
  .string({ error: "companies:errors.reasonRequired" })
  .transform(clean)
  .pipe(z.string({ error: "companies:errors.reasonRequired" }).min(1, "companies:errors.reasonRequired").max(1000, "companies:errors.tooLong"));

const DecisionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), tierId: z.string({ error: "companies:errors.tierRequired" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "companies:errors.tierRequired") }),
  z.object({ intent: z.literal("reject"), reason }),
  z.object({ intent: z.literal("end"), reason }),
  z.object({ intent: z.literal("reinstate") }),
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = DecisionSchema;

type Reply = { intent: string | null; error: string | null; fieldErrors: Record<string, string[]> };
const refuse = (reply: Reply) => json(reply, { status: 400 });

export async function action({ request, params }: ActionFunctionArgs) {
  const board = await requireRole(request, "BOARD");
  const id = ZId.safeParse(params.companyId);
  if (!id.success) notFound();
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: DecisionSchema });
  const intent = typeof form.get("intent") === "string" ? String(form.get("intent")).slice(0, 20) : null;
  if (submission.status !== "success") {
    return refuse({ intent, error: null, fieldErrors: (submission.reply().error ?? {}) as Record<string, string[]> });
  }
  const value = submission.value;
  const actor = { id: board.id, name: board.name };
  const result =
    value.intent === "approve"
      ? await approveApplication(id.data, value.tierId, actor)
      : value.intent === "reject"
        ? await rejectApplication(id.data, value.reason, actor)
        : value.intent === "end"
          ? await endCompany(id.data, value.reason, actor)
          : await reinstateCompany(id.data, actor);
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
  const lang = i18n.language;
  const can = (event: "approve" | "reject" | "end" | "reinstate") => decideCompanyTransition(company.status, event).ok;
  const errorsFor = (intent: string, field: string) => (data?.intent === intent ? data.fieldErrors[field] : undefined);
  const fact = (label: string, value: string | null | undefined) => <DataItem label={label}>{value}</DataItem>;

  return (
    <div className="space-y-6">
      <PageHeader
        title={company.name}
        intro={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_TONES[company.status]}>{t(`status.${company.status}`)}</Badge>
            {company.statusChangedAt ? <span>{t("detail.since", { date: formatDate(company.statusChangedAt, lang) })}</span> : null}
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

      {can("approve") || can("reject") || can("end") || can("reinstate") ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("detail.decide")}</h2>
          {company.status === "APPLIED" ? <p className="mt-1 text-slate-700">{t("detail.decideIntro")}</p> : null}
          <div className="mt-4 flex flex-wrap items-end gap-4">
            {can("approve") ? (
              tiers.length === 0 ? (
                <EmptyState headingLevel={3} title={t("detail.noTiers")} text={t("detail.noTiersText")} action={{ to: "/bestuur/instellingen", label: t("detail.toSettings") }} />
              ) : (
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="intent" value="approve" />
                  <SelectField
                    label={t("fields.tier")}
                    name="tierId"
                    id="approve-tier"
                    placeholder={t("detail.chooseTier")}
                    options={tiers.map((tier) => ({ value: tier.id, label: `${tier.name} (${formatMoney(tier.amountCents, lang)})` }))}
                    errors={errorsFor("approve", "tierId")}
                    required
                    className="min-w-60"
                  />
                  <Button>{t("detail.approve")}</Button>
                </Form>
              )
            ) : null}
            {can("reject") ? (
              <Dialog
                title={t("detail.rejectTitle")}
                triggerLabel={t("detail.reject")}
                triggerVariant="danger"
                footer={(close, inline) => (
                  <Form method="post" className="w-full space-y-3" onSubmit={() => close()}>
                    <input type="hidden" name="intent" value="reject" />
                    <TextareaField label={t("detail.reason")} hint={t("detail.rejectHint")} name="reason" id="reject-reason" required maxLength={1000} />
                    <div className="flex flex-wrap justify-end gap-3">
                      {inline ? null : (
                        <Button type="button" variant="secondary" onClick={close} data-autofocus>
                          {t("detail.cancel")}
                        </Button>
                      )}
                      <Button variant="danger">{t("detail.rejectConfirm")}</Button>
                    </div>
                  </Form>
                )}
              >
                <p>{t("detail.rejectText", { name: company.name })}</p>
              </Dialog>
            ) : null}
            {can("end") ? (
              <Dialog
                title={t("detail.endTitle")}
                triggerLabel={t("detail.end")}
                triggerVariant="danger"
                footer={(close, inline) => (
                  <Form method="post" className="w-full space-y-3" onSubmit={() => close()}>
                    <input type="hidden" name="intent" value="end" />
                    <TextareaField label={t("detail.reason")} name="reason" id="end-reason" required maxLength={1000} />
                    <div className="flex flex-wrap justify-end gap-3">
                      {inline ? null : (
                        <Button type="button" variant="secondary" onClick={close} data-autofocus>
                          {t("detail.cancel")}
                        </Button>
                      )}
                      <Button variant="danger">{t("detail.endConfirm")}</Button>
                    </div>
                  </Form>
                )}
              >
                <p>{t("detail.endText", { name: company.name })}</p>
              </Dialog>
            ) : null}
            {can("reinstate") ? (
              <ConfirmDialog
                title={t("detail.reinstateTitle")}
                triggerLabel={t("detail.reinstate")}
                triggerVariant="secondary"
                confirmLabel={t("detail.reinstateConfirm")}
                fields={{ intent: "reinstate" }}
              >
                <p>{t("detail.reinstateText", { name: company.name })}</p>
              </ConfirmDialog>
            ) : null}
          </div>
          {data?.intent === "reject" || data?.intent === "end" ? <ErrorList errors={data.fieldErrors.reason} /> : null}
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="text-lg font-semibold">{t("detail.company")}</h2>
          {company.logoFileId ? <img src={`/files/${company.logoFileId}`} alt={t("detail.logoAlt", { name: company.name })} className="mt-3 max-h-20 max-w-48 object-contain" /> : null}
          <DataList className="mt-3">
            {fact(t("fields.kvkNumber"), company.kvkNumber)}
            {fact(t("fields.vatNumber"), company.vatNumber)}
            {fact(t("fields.sector"), company.sector)}
            {fact(t("fields.city"), company.city)}
            {fact(t("fields.website"), company.website)}
            {fact(t("fields.tier"), company.tier ? `${company.tier.name} (${formatMoney(company.tier.amountCents, lang)})` : null)}
            {fact(t("detail.appliedAt"), company.appliedAt ? formatDate(company.appliedAt, lang) : null)}
            {fact(t("detail.decidedAt"), company.decidedAt ? formatDate(company.decidedAt, lang) : null)}
            {company.rejectionReason ? fact(t("detail.rejectionReason"), company.rejectionReason) : null}
          </DataList>
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">{t("detail.invoicing")}</h2>
          <DataList className="mt-3">
            {fact(t("fields.invoiceAddress"), company.invoiceAddress)}
            {fact(t("fields.invoicePostcode"), company.invoicePostcode)}
            {fact(t("fields.invoiceCity"), company.invoiceCity)}
            {fact(t("fields.invoiceAttention"), company.invoiceAttention)}
            {fact(t("fields.billingEmail"), company.billingEmail)}
            {fact(t("detail.poNumber"), company.poNumber)}
          </DataList>
        </Card>
      </div>

      <Card>
        <h2 className="text-lg font-semibold">{t("detail.contacts")}</h2>
        {company.contacts.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("detail.noContacts")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100">
            {company.contacts.map((c) => (
              <li key={c.id} className="py-2">
                <p className="font-semibold">
                  {c.name}
                  {c.jobTitle ? <span className="font-normal text-slate-700"> · {c.jobTitle}</span> : null}
                </p>
                <p className="break-all text-slate-800">
                  {c.email}
                  {c.phone ? ` · ${c.phone}` : ""}
                </p>
                <p className="text-sm text-slate-600">{c.userId ? t("detail.hasAccount") : t("detail.noAccount")}</p>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("detail.invoices")}</h2>
        {company.invoices.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("detail.noInvoices")}</p>
        ) : (
          <div className="mt-3 max-w-full overflow-x-auto" role="region" aria-label={t("detail.invoices")} tabIndex={0}>
            <table className="w-full text-left text-sm sm:text-base">
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="px-2 py-2">{t("detail.invoiceNumber")}</th>
                  <th scope="col" className="px-2 py-2">{t("detail.invoiceStatus")}</th>
                  <th scope="col" className="px-2 py-2 text-right">{t("detail.invoiceTotal")}</th>
                  <th scope="col" className="px-2 py-2">{t("detail.invoiceIssued")}</th>
                  <th scope="col" className="px-2 py-2">{t("detail.invoicePaid")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {company.invoices.map((inv) => (
                  <tr key={inv.id}>
                    <th scope="row" className="px-2 py-2 font-semibold">
                      <Link to={`/facturen/${inv.id}`} className="inline-flex min-h-11 items-center">
                        {inv.number}
                      </Link>
                    </th>
                    <td className="px-2 py-2">{t(`invoiceStatus.${inv.status}`)}</td>
                    <td className="px-2 py-2 text-right tabular-nums whitespace-nowrap">{formatMoney(inv.totalCents, lang)}</td>
                    <td className="px-2 py-2 whitespace-nowrap">{formatDate(inv.issuedAt, lang, "short")}</td>
                    <td className="px-2 py-2 whitespace-nowrap">{inv.paidAt ? formatDate(inv.paidAt, lang, "short") : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card>
        <h2 className="text-lg font-semibold">{t("detail.history")}</h2>
        {company.statusChanges.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("detail.noHistory")}</p>
        ) : (
          <ol className="mt-3 space-y-3">
            {company.statusChanges.map((change) => (
              <li key={change.id} className="border-l-4 border-slate-300 pl-3">
                <p className="font-semibold">
                  {change.fromStatus ? `${t(`status.${change.fromStatus}`)} → ` : ""}
                  {t(`status.${change.toStatus}`)}
                </p>
                <p className="text-sm text-slate-700">
                  {formatDateTime(change.at, lang)}
                  {" · "}
                  {change.actor?.name ?? t("detail.bySystem")}
                </p>
                {change.reason ? <p className="mt-1 text-slate-800">{change.reason}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
