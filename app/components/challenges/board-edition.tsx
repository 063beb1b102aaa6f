// Parts of the board's page of one edition: the phase (close early), the sponsors and, for a
// national challenge, the logistics per team.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import type { Phase } from "~/modules/challenges/phases";
import { formatDateTime, formatMoney } from "~/utils/format";

/** What the edition page's action answers when it refuses a form: which form, and conform's reply. */
export type EditionReply = { form: string; result: SubmissionResult<string[]> } | undefined;

type EarlyAction = "close-registration" | "close-submissions";
type Dates = { registrationClosesAt: string; submissionDeadline: string; resultsPublishAt: string };

export function EditionPhaseCard({ phase, allowed, dates, data }: { phase: Phase; allowed: EarlyAction[]; dates: Dates; data: EditionReply }) {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  const earlyErrors = data?.form === "early" ? data.result.error?.[""] : undefined;
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("board.phaseTitle")}</h2>
    <p className="mt-2">
      {t("board.phaseNow")} <Badge tone="info">{t(`phase.${phase}`)}</Badge>
    </p>
    {earlyErrors?.length ? (
      <div className="mt-3">
        <Alert tone="error">
          <ErrorList errors={earlyErrors} />
        </Alert>
      </div>
    ) : null}
    {allowed.length === 0 ? (
      <p className="mt-3 text-slate-700">{t("board.noEarlyActions")}</p>
    ) : (
      <div className="mt-4 flex flex-wrap gap-3">
        {allowed.map((what) => (
          <ConfirmDialog
            key={what}
            title={t(`board.earlyTitle.${what}`)}
            triggerLabel={t(`board.earlyButton.${what}`)}
            triggerVariant="secondary"
            confirmLabel={t(`board.earlyConfirm.${what}`)}
            fields={{ intent: what }}
          >
            <p>{t(`board.earlyText.${what}`, { date: formatDateTime(what === "close-registration" ? dates.registrationClosesAt : dates.submissionDeadline, lang) })}</p>
          </ConfirmDialog>
        ))}
      </div>
    )}
  </Card>
  );
}

type Sponsor = { id: string; name: string; label: string | null; listed: boolean };

export function EditionSponsorsCard({ edition, sponsors, candidates, data }: { edition: { name: string }; sponsors: Sponsor[]; candidates: { id: string; name: string }[]; data: EditionReply }) {
  const { t } = useTranslation("challenges");
  const sponsorErrors = data?.form === "sponsor" ? data.result.error : undefined;
  const sponsorTyped = data?.form === "sponsor" ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined;
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("board.sponsorsTitle")}</h2>
    <p className="mt-1 text-slate-700">{t("board.sponsorsIntro")}</p>
    {sponsors.length === 0 ? (
      <EmptyState className="mt-3" headingLevel={3} title={t("board.noSponsors")} text={t("board.noSponsorsText")} />
    ) : (
      <ul className="mt-3 divide-y divide-slate-200">
        {sponsors.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
            <span>
              <span className="font-medium">{s.name}</span>
              {s.label ? <span className="text-slate-700"> · {s.label}</span> : null}
              {!s.listed ? <Badge tone="warning" className="ml-2">{t("board.sponsorHidden")}</Badge> : null}
            </span>
            <ConfirmDialog
              title={t("board.removeSponsorTitle")}
              triggerLabel={<>{t("board.removeSponsor")}<span className="sr-only"> ({s.name})</span></>}
              triggerVariant="secondary"
              confirmLabel={t("board.removeSponsorConfirm")}
              fields={{ intent: "remove-sponsor", sponsorId: s.id }}
            >
              <p>{t("board.removeSponsorText", { company: s.name, edition: edition.name })}</p>
            </ConfirmDialog>
          </li>
        ))}
      </ul>
    )}
    {candidates.length ? (
      <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-3 sm:items-end [&>*]:min-w-0" key={sponsorTyped ? JSON.stringify(sponsorTyped) : "add-sponsor"}>
        <input type="hidden" name="intent" value="add-sponsor" />
        <SelectField
          label={t("fields.sponsorCompany")}
          name="companyId"
          placeholder={t("fields.sponsorChoose")}
          defaultValue={typeof sponsorTyped?.companyId === "string" ? sponsorTyped.companyId : undefined}
          errors={sponsorErrors?.companyId}
          options={candidates.map((c) => ({ value: c.id, label: c.name }))}
        />
        <TextField
          label={t("fields.sponsorLabel")}
          hint={t("fields.sponsorLabelHint")}
          name="label"
          optional
          defaultValue={typeof sponsorTyped?.label === "string" ? sponsorTyped.label : undefined}
          errors={sponsorErrors?.label}
        />
        <div>
          <Button variant="secondary" className="max-sm:w-full">{t("board.addSponsor")}</Button>
        </div>
      </Form>
    ) : null}
  </Card>
  );
}

type LogisticsTeam = { id: string; name: string; school: string; coaches: number; kitBudgetCents: number | null; transport: string | null; logisticsNotes: string | null };

export function EditionLogisticsCard({ teams, data }: { teams: LogisticsTeam[]; data: EditionReply }) {
  const { t, i18n } = useTranslation("challenges");
  const lang = i18n.language;
  return (
  <Card>
    <h2 className="text-lg font-semibold">{t("board.logisticsTitle")}</h2>
    <p className="mt-1 text-slate-700">{t("board.logisticsIntro")}</p>
    {teams.length === 0 ? (
      <EmptyState className="mt-3" headingLevel={3} title={t("board.noTeams")} text={t("board.noTeamsText")} />
    ) : (
      <ul className="mt-3 space-y-4">
        {teams.map((team) => {
          const errors = data?.form === `logistics-${team.id}` ? data.result.error : undefined;
          const typed = data?.form === `logistics-${team.id}` ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined;
          const typedOr = (field: string, fallback: string) => (typed && typeof typed[field] === "string" ? (typed[field] as string) : fallback);
          return (
            <li key={team.id} className="rounded-lg border border-slate-200 p-4">
              <h3 className="font-semibold">
                {team.name} <span className="font-normal text-slate-600">· {team.school}</span>
              </h3>
              <p className="text-sm text-slate-600">
                {t("board.coaches", { count: team.coaches })}
                {team.kitBudgetCents != null ? ` · ${t("board.kitBudgetNow", { amount: formatMoney(team.kitBudgetCents, lang) })}` : ""}
              </p>
              <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3" key={typed ? JSON.stringify(typed) : "saved"}>
                <input type="hidden" name="intent" value="logistics" />
                <input type="hidden" name="teamId" value={team.id} />
                <TextField
                  label={t("fields.kitBudget")}
                  name="kitBudget"
                  inputMode="decimal"
                  defaultValue={typedOr("kitBudget", team.kitBudgetCents != null ? (team.kitBudgetCents / 100).toFixed(2).replace(".", ",") : "")}
                  errors={errors?.kitBudget}
                  optional
                />
                <TextField label={t("fields.transport")} name="transport" defaultValue={typedOr("transport", team.transport ?? "")} errors={errors?.transport} optional />
                <TextField label={t("fields.logisticsNotes")} name="logisticsNotes" defaultValue={typedOr("logisticsNotes", team.logisticsNotes ?? "")} errors={errors?.logisticsNotes} optional />
                <div className="sm:col-span-3">
                  <Button variant="secondary">
                    {t("board.saveLogistics")}
                    <span className="sr-only"> ({team.name})</span>
                  </Button>
                </div>
              </Form>
            </li>
          );
        })}
      </ul>
    )}
  </Card>
  );
}
