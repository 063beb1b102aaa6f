// The board's page of one company, in parts: the decisions (approve, reject, end, reinstate),
// the facts, the contacts, the invoices and the status history.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { DataItem, DataList } from "~/components/ui/data-list";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { TextareaField } from "~/components/ui/textarea";
import type { CompanyStatus } from "~/generated/prisma/enums";
import { decideCompanyTransition } from "~/modules/companies/company-state";
import { formatDate, formatDateTime, formatMoney } from "~/utils/format";

export const STATUS_TONES: Record<CompanyStatus, BadgeTone> = {
  APPLIED: "info",
  APPROVED: "info",
  ACTIVE: "success",
  GRACE: "warning",
  ENDED: "neutral",
  REJECTED: "danger",
};

export function CompanyStatusBadge({ status }: { status: CompanyStatus }) {
  const { t } = useTranslation("companies");
  return <Badge tone={STATUS_TONES[status]}>{t(`status.${status}`)}</Badge>;
}

type Tier = { id: string; name: string; amountCents: number };
export type DecisionReply = { intent: string | null; error: string | null; fieldErrors: Record<string, string[]> } | undefined;

function ReasonDialog({ intent, name, hint }: { intent: "reject" | "end"; name: string; hint?: string }) {
  const { t } = useTranslation("companies");
  return (
    <Dialog
      title={t(`detail.${intent}Title`)}
      triggerLabel={t(`detail.${intent}`)}
      triggerVariant="danger"
      footer={(close, inline) => (
        <Form method="post" className="w-full space-y-3" onSubmit={() => close()}>
          <input type="hidden" name="intent" value={intent} />
          <TextareaField label={t("detail.reason")} hint={hint} name="reason" id={`${intent}-reason`} required maxLength={1000} />
          <div className="flex flex-wrap justify-end gap-3">
            {inline ? null : (
              <Button type="button" variant="secondary" onClick={close} data-autofocus>
                {t("detail.cancel")}
              </Button>
            )}
            <Button variant="danger">{t(`detail.${intent}Confirm`)}</Button>
          </div>
        </Form>
      )}
    >
      <p>{t(`detail.${intent}Text`, { name })}</p>
    </Dialog>
  );
}

/** The board's decisions that the company's status allows; nothing when none does. */
export function CompanyDecisions({ company, tiers, reply }: { company: { name: string; status: CompanyStatus }; tiers: Tier[]; reply: DecisionReply }) {
  const { t, i18n } = useTranslation("companies");
  const lang = i18n.language;
  const can = (event: "approve" | "reject" | "end" | "reinstate") => decideCompanyTransition(company.status, event).ok;
  if (!(can("approve") || can("reject") || can("end") || can("reinstate"))) return null;
  return (
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
                errors={reply?.intent === "approve" ? reply.fieldErrors.tierId : undefined}
                required
                className="min-w-60"
              />
              <Button>{t("detail.approve")}</Button>
            </Form>
          )
        ) : null}
        {can("reject") ? <ReasonDialog intent="reject" name={company.name} hint={t("detail.rejectHint")} /> : null}
        {can("end") ? <ReasonDialog intent="end" name={company.name} /> : null}
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
      {reply?.intent === "reject" || reply?.intent === "end" ? <ErrorList errors={reply.fieldErrors.reason} /> : null}
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return <DataItem label={label}>{value}</DataItem>;
}

type CompanyFactsData = {
  name: string;
  logoFileId: string | null;
  kvkNumber: string | null;
  vatNumber: string | null;
  sector: string | null;
  city: string | null;
  website: string | null;
  tier: { name: string; amountCents: number } | null;
  appliedAt: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  invoiceAddress: string | null;
  invoicePostcode: string | null;
  invoiceCity: string | null;
  invoiceAttention: string | null;
  billingEmail: string | null;
  poNumber: string | null;
};

/** The company's facts and its invoicing details, side by side. */
export function CompanyFacts({ company }: { company: CompanyFactsData }) {
  const { t, i18n } = useTranslation("companies");
  const lang = i18n.language;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <h2 className="text-lg font-semibold">{t("detail.company")}</h2>
        {company.logoFileId ? <img src={`/files/${company.logoFileId}`} alt={t("detail.logoAlt", { name: company.name })} className="mt-3 max-h-20 max-w-48 object-contain" /> : null}
        <DataList className="mt-3">
          <Fact label={t("fields.kvkNumber")} value={company.kvkNumber} />
          <Fact label={t("fields.vatNumber")} value={company.vatNumber} />
          <Fact label={t("fields.sector")} value={company.sector} />
          <Fact label={t("fields.city")} value={company.city} />
          <Fact label={t("fields.website")} value={company.website} />
          <Fact label={t("fields.tier")} value={company.tier ? `${company.tier.name} (${formatMoney(company.tier.amountCents, lang)})` : null} />
          <Fact label={t("detail.appliedAt")} value={company.appliedAt ? formatDate(company.appliedAt, lang) : null} />
          <Fact label={t("detail.decidedAt")} value={company.decidedAt ? formatDate(company.decidedAt, lang) : null} />
          {company.rejectionReason ? <Fact label={t("detail.rejectionReason")} value={company.rejectionReason} /> : null}
        </DataList>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("detail.invoicing")}</h2>
        <DataList className="mt-3">
          <Fact label={t("fields.invoiceAddress")} value={company.invoiceAddress} />
          <Fact label={t("fields.invoicePostcode")} value={company.invoicePostcode} />
          <Fact label={t("fields.invoiceCity")} value={company.invoiceCity} />
          <Fact label={t("fields.invoiceAttention")} value={company.invoiceAttention} />
          <Fact label={t("fields.billingEmail")} value={company.billingEmail} />
          <Fact label={t("detail.poNumber")} value={company.poNumber} />
        </DataList>
      </Card>
    </div>
  );
}

type Contact = { id: string; name: string; email: string; phone: string | null; jobTitle: string | null; userId: string | null };

export function CompanyContacts({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation("companies");
  const company = { contacts };
  return (
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
  );
}

type InvoiceRow = { id: string; number: string; status: string; totalCents: number; issuedAt: string; paidAt: string | null };

export function CompanyInvoices({ invoices }: { invoices: InvoiceRow[] }) {
  const { t, i18n } = useTranslation("companies");
  const lang = i18n.language;
  const company = { invoices };
  return (
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
  );
}

type StatusChange = { id: string; fromStatus: CompanyStatus | null; toStatus: CompanyStatus; at: string; reason: string | null; actor: { name: string } | null };

export function CompanyHistory({ changes }: { changes: StatusChange[] }) {
  const { t, i18n } = useTranslation("companies");
  const lang = i18n.language;
  const company = { statusChanges: changes };
  return (
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
  );
}
