// Parts of the board's assignment page of an edition (issue 17, point 3): the mode and N, the
// automatic distribution, coverage per entry and per juror, manual assign / unassign, and the
// conflicts with their reasons in words. And the score distribution per juror (point 7).
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Chart } from "~/components/ui/chart";
import { ConfirmDialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList, TextField } from "~/components/ui/field";
import { useSubmitting } from "~/components/ui/loading";
import { Card } from "~/components/ui/page";
import { ScrollRegion } from "~/components/ui/scroll-region";
import { SelectField } from "~/components/ui/select";
import { Stat, StatGroup } from "~/components/ui/stat";
import { ASSIGNMENT_MODES, MIN_JURORS_MAX, MIN_JURORS_MIN } from "~/modules/judging/assignment.schema";

/** What the page's action answers when it refuses a form: which form, and conform's reply. */
export type AssignmentReply = { form: string; result: SubmissionResult<string[]> } | undefined;

type Reason =
  | { code: "DECLARED"; kind: string; text: string | null }
  | { code: "TEACHES_AT_SCHOOL" | "SCHOOL_CONTACT"; school: string }
  | { code: "SPONSORS_TEAM" | "SPONSORS_CATEGORY" | "SPONSORS_EDITION" | "HOSTS_CASE"; company: string };
type Entry = {
  id: string;
  name: string;
  school: string;
  category: string | null;
  jurors: number;
  submitted: number;
  underN: boolean;
  shortfall: "TOO_FEW_JURORS" | "NOT_DISTRIBUTED" | null;
  unconflicted: number;
  assigned: Array<{ memberId: string; name: string; source: string; sheet: string | null }>;
};
type Juror = { id: string; name: string; status: "accepted" | "invited" | "expired"; load: number; submitted: number };
type ConflictPair = { memberId: string; teamId: string; juror: string; team: string; reasons: Reason[] };

const typedOf = (data: AssignmentReply, form: string) => (data?.form === form ? (data.result.initialValue as Record<string, unknown> | undefined) : undefined);
const errorsOf = (data: AssignmentReply, form: string) => (data?.form === form ? data.result.error : undefined);
const str = (v: unknown) => (typeof v === "string" ? v : undefined);

const STATUS_TONE: Record<Juror["status"], BadgeTone> = { accepted: "success", invited: "info", expired: "warning" };
const cellClass = "px-3 py-2 align-top sm:px-4";
const headClass = "px-3 py-2 text-left font-semibold sm:px-4";

export function RunningNotice() {
  const { t } = useTranslation("assignment");
  return (
    <Alert tone="info" title={t("runningTitle")}>
      {t("runningText")}
    </Alert>
  );
}

export function SettingsCard({ settings, data }: { settings: { mode: string; minJurorsPerEntry: number }; data: AssignmentReply }) {
  const { t } = useTranslation("assignment");
  const typed = typedOf(data, "settings");
  const errors = errorsOf(data, "settings");
  const saving = useSubmitting("save-settings");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("settings.title")}</h2>
      <Form method="post" preventScrollReset className="mt-3 grid gap-3 sm:grid-cols-2 sm:items-start [&>*]:min-w-0" key={typed ? JSON.stringify(typed) : `${settings.mode}-${settings.minJurorsPerEntry}`}>
        <input type="hidden" name="intent" value="save-settings" />
        <ErrorList errors={errors?.[""]} />
        <SelectField
          label={t("settings.mode")}
          name="mode"
          defaultValue={str(typed?.mode) ?? settings.mode}
          errors={errors?.mode}
          options={ASSIGNMENT_MODES.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
        />
        <TextField
          label={t("settings.minJurors")}
          hint={t("settings.minJurorsHint")}
          name="minJurorsPerEntry"
          inputMode="numeric"
          min={MIN_JURORS_MIN}
          max={MIN_JURORS_MAX}
          defaultValue={str(typed?.minJurorsPerEntry) ?? String(settings.minJurorsPerEntry)}
          errors={errors?.minJurorsPerEntry}
        />
        <div className="sm:col-span-2">
          <Button pending={saving} className="max-sm:w-full">
            {t("settings.save")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

export function DistributeCard({ mode, data }: { mode: string; data: AssignmentReply }) {
  const { t } = useTranslation("assignment");
  const errors = errorsOf(data, "distribute");
  const distributing = useSubmitting("distribute");
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("distribute.title")}</h2>
      <p className="mt-1 max-w-prose text-slate-700">{t(`modeText.${mode}`)}</p>
      <ErrorList errors={errors?.[""]} />
      {mode === "MANUAL" ? null : (
        <Form method="post" preventScrollReset className="mt-3">
          <input type="hidden" name="intent" value="distribute" />
          <Button pending={distributing} className="max-sm:w-full">
            {t("distribute.button")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function UnassignButton({ entry, juror, data }: { entry: Entry; juror: Entry["assigned"][number]; data: AssignmentReply }) {
  const { t } = useTranslation("assignment");
  const errors = errorsOf(data, `unassign-${juror.memberId}-${entry.id}`);
  const label = (
    <>
      {t("unassign.button")}
      <span className="sr-only"> ({t("unassign.buttonLabel", { juror: juror.name, team: entry.name })})</span>
    </>
  );
  return (
    <>
      {juror.sheet ? (
        <ConfirmDialog
          title={t("unassign.confirmTitle")}
          triggerLabel={label}
          triggerVariant="ghost"
          confirmLabel={t("unassign.confirm")}
          fields={{ intent: "unassign", memberId: juror.memberId, teamId: entry.id, confirm: "yes" }}
          preventScrollReset
        >
          <p>{t("unassign.confirmText", { juror: juror.name, team: entry.name })}</p>
        </ConfirmDialog>
      ) : (
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="unassign" />
          <input type="hidden" name="memberId" value={juror.memberId} />
          <input type="hidden" name="teamId" value={entry.id} />
          <Button variant="ghost">{label}</Button>
        </Form>
      )}
      <ErrorList errors={errors?.[""] ?? errors?.confirm} />
    </>
  );
}

export function CoverageCard({
  entries,
  jurors,
  n,
  loadSpread,
  entriesUnderN,
  data,
}: {
  entries: Entry[];
  jurors: Juror[];
  n: number;
  loadSpread: { min: number; max: number };
  entriesUnderN: number;
  data: AssignmentReply;
}) {
  const { t } = useTranslation("assignment");
  return (
    <section aria-labelledby="coverage-title" className="space-y-4">
      <h2 id="coverage-title" className="text-xl font-semibold">
        {t("coverage.title")}
      </h2>
      <p className="max-w-prose text-slate-700">{t("coverage.intro")}</p>
      <StatGroup>
        <Stat label={t("coverage.underNLabel")} value={entriesUnderN} hint={t("coverage.underN", { count: entriesUnderN, n })} />
        <Stat label={t("coverage.minLoad")} value={loadSpread.min} />
        <Stat label={t("coverage.maxLoad")} value={loadSpread.max} />
        <Stat label={t("coverage.spread")} value={loadSpread.max - loadSpread.min} />
      </StatGroup>
      {entries.length === 0 ? (
        <EmptyState headingLevel={3} title={t("coverage.noEntries")} text={t("coverage.noEntriesText")} />
      ) : (
        <ScrollRegion label={t("coverage.entriesCaption")} className="rounded-xl border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm sm:text-base" data-testid="coverage-entries">
            <caption className="px-3 py-2 text-left font-semibold sm:px-4">{t("coverage.entriesCaption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={headClass}>{t("coverage.team")}</th>
                <th scope="col" className={headClass}>{t("coverage.jurors")}</th>
                <th scope="col" className={headClass}>{t("coverage.submitted")}</th>
                <th scope="col" className={headClass}>{t("coverage.assignedJurors")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((e) => (
                <tr key={e.id} className={e.underN ? "bg-amber-50" : undefined} data-under-n={e.underN || undefined}>
                  <th scope="row" className={`${cellClass} font-semibold`}>
                    {e.name}
                    <span className="block text-sm font-normal text-slate-700">
                      {e.school}
                      {e.category ? ` · ${e.category}` : ""}
                    </span>
                  </th>
                  <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
                    {t("coverage.jurorsOfN", { jurors: e.jurors, n })}
                    {e.underN ? (
                      <>
                        {" "}
                        <Badge tone="warning">{t("coverage.underNBadge")}</Badge>
                        {e.shortfall ? (
                          <span className="block text-sm whitespace-normal text-slate-800">
                            {e.shortfall === "TOO_FEW_JURORS" ? t("coverage.shortfall.TOO_FEW_JURORS", { count: e.unconflicted }) : t("coverage.shortfall.NOT_DISTRIBUTED")}
                          </span>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                  <td className={`${cellClass} tabular-nums`}>{e.submitted}</td>
                  <td className={cellClass}>
                    {e.assigned.length === 0 ? (
                      <span className="text-slate-700">{t("coverage.noneAssigned")}</span>
                    ) : (
                      <ul className="space-y-1">
                        {e.assigned.map((a) => (
                          <li key={a.memberId} className="flex flex-wrap items-center gap-2">
                            <span>{a.name}</span>
                            {a.sheet ? <Badge tone={a.sheet === "SUBMITTED" ? "success" : "info"}>{t(`coverage.sheet.${a.sheet}`)}</Badge> : null}
                            {a.source === "MANUAL" ? <Badge>{t("coverage.manualSource")}</Badge> : null}
                            <UnassignButton entry={e} juror={a} data={data} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {jurors.length === 0 ? (
        <EmptyState headingLevel={3} title={t("coverage.noJurors")} text={t("coverage.noJurorsText")} />
      ) : (
        <ScrollRegion label={t("coverage.jurorsCaption")} className="rounded-xl border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm sm:text-base" data-testid="coverage-jurors">
            <caption className="px-3 py-2 text-left font-semibold sm:px-4">{t("coverage.jurorsCaption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className={headClass}>{t("coverage.juror")}</th>
                <th scope="col" className={headClass}>{t("coverage.status")}</th>
                <th scope="col" className={`${headClass} text-right`}>{t("coverage.load")}</th>
                <th scope="col" className={headClass}>{t("coverage.progress")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {jurors.map((j) => (
                <tr key={j.id}>
                  <th scope="row" className={`${cellClass} font-semibold`}>{j.name}</th>
                  <td className={cellClass}>
                    <Badge tone={STATUS_TONE[j.status]}>{t(`jurorStatus.${j.status}`)}</Badge>
                  </td>
                  <td className={`${cellClass} text-right tabular-nums`}>{j.load}</td>
                  <td className={`${cellClass} whitespace-nowrap`}>{t("coverage.progressValue", { submitted: j.submitted, load: j.load })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

export function AssignCard({ entries, jurors, conflicts, data }: { entries: Entry[]; jurors: Juror[]; conflicts: ConflictPair[]; data: AssignmentReply }) {
  const { t } = useTranslation("assignment");
  const typed = typedOf(data, "assign");
  const errors = errorsOf(data, "assign");
  const assigning = useSubmitting("assign");
  if (!entries.length || !jurors.length) return null;
  const conflicted = new Set(conflicts.map((c) => c.memberId));
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("assign.title")}</h2>
      <Form method="post" preventScrollReset className="mt-3 grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start [&>*]:min-w-0" key={typed ? JSON.stringify(typed) : "assign"}>
        <input type="hidden" name="intent" value="assign" />
        <ErrorList errors={errors?.[""]} />
        <SelectField
          label={t("assign.juror")}
          name="memberId"
          placeholder={t("assign.choose")}
          defaultValue={str(typed?.memberId) ?? ""}
          errors={errors?.memberId}
          options={jurors.map((j) => ({ value: j.id, label: conflicted.has(j.id) ? t("assign.conflictOption", { name: j.name }) : j.name }))}
        />
        <SelectField
          label={t("assign.team")}
          name="teamId"
          placeholder={t("assign.choose")}
          defaultValue={str(typed?.teamId) ?? ""}
          errors={errors?.teamId}
          options={entries.map((e) => ({ value: e.id, label: e.name }))}
        />
        <div className="sm:pt-7">
          <Button pending={assigning} className="max-sm:w-full">
            {t("assign.button")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

export function ConflictsCard({ conflicts }: { conflicts: ConflictPair[] }) {
  const { t } = useTranslation("assignment");
  const words = (c: ConflictPair, r: Reason) => {
    if (r.code === "DECLARED") {
      const kind = t(`conflicts.kind.${r.kind}`);
      return r.text ? t("conflicts.reason.DECLAREDText", { kind, text: r.text }) : t("conflicts.reason.DECLARED", { kind });
    }
    if ("school" in r) return t(`conflicts.reason.${r.code}`, { juror: c.juror, school: r.school });
    return t(`conflicts.reason.${r.code}`, { company: r.company });
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("conflicts.title")}</h2>
      <p className="mt-1 max-w-prose text-slate-700">{t("conflicts.intro")}</p>
      {conflicts.length === 0 ? (
        <p className="mt-3 text-slate-700">{t("conflicts.none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-200" data-testid="conflicts">
          {conflicts.map((c) => (
            <li key={`${c.memberId}-${c.teamId}`} className="py-2">
              <span className="font-medium">{t("conflicts.pair", { juror: c.juror, team: c.team })}</span>
              <ul className="list-disc pl-5 text-slate-800">
                {c.reasons.map((r, i) => (
                  <li key={i}>{words(c, r)}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

// --- Distribution ----------------------------------------------------------------------------------

type Stats = { count: number; mean: number | null; median: number | null; min: number | null; max: number | null };
type JurorDistribution = Stats & {
  id: string;
  name: string;
  meanDifference: number | null;
  verdict: "STRICTER" | "MILDER" | "IN_LINE" | "TOO_FEW";
  bins: Array<{ from: number; to: number; juror: number; panel: number }>;
};
type Panel = { formId: string; category: string | null; panel: Stats; jurors: JurorDistribution[] };

const VERDICT_TONE: Record<JurorDistribution["verdict"], BadgeTone> = { STRICTER: "warning", MILDER: "info", IN_LINE: "success", TOO_FEW: "neutral" };

export function DistributionPanel({ panel, minScores }: { panel: Panel; minScores: number }) {
  const { t, i18n } = useTranslation("assignment");
  const number = (v: number | null, signed = false) =>
    v === null ? "–" : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: signed ? "exceptZero" : "auto" }).format(v);
  const range = (from: number, to: number) => `${number(from)}–${number(to)}`;
  const titleId = `panel-${panel.formId}`;
  return (
    <section aria-labelledby={titleId} className="space-y-4">
      <h2 id={titleId} className="text-xl font-semibold">
        {panel.category ? t("distribution.panelForCategory", { category: panel.category }) : t("distribution.panelForEdition")}
      </h2>
      <ScrollRegion label={t("distribution.summaryCaption")} className="rounded-xl border border-slate-200 bg-white">
        <table className="w-full border-collapse text-sm sm:text-base" data-testid="distribution-table">
          <caption className="px-3 py-2 text-left font-semibold sm:px-4">{t("distribution.summaryCaption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className={headClass}>{t("distribution.juror")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.n")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.mean")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.median")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.min")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.max")}</th>
              <th scope="col" className={`${headClass} text-right`}>{t("distribution.difference")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {[...panel.jurors.map((j) => ({ key: j.id, name: j.name, stats: j as Stats, diff: j.meanDifference })), { key: "panel", name: t("distribution.panel"), stats: panel.panel, diff: null }].map((row) => (
              <tr key={row.key} className={row.key === "panel" ? "bg-slate-50 font-semibold" : undefined}>
                <th scope="row" className={`${cellClass} font-semibold`}>{row.name}</th>
                <td className={`${cellClass} text-right tabular-nums`}>{row.stats.count}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{number(row.stats.mean)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{number(row.stats.median)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{number(row.stats.min)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{number(row.stats.max)}</td>
                <td className={`${cellClass} text-right tabular-nums`}>{row.key === "panel" ? "" : number(row.diff, true)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <div>
        <p className="max-w-prose text-slate-700">{t("distribution.verdictIntro", { min: minScores })}</p>
        <ul className="mt-2 space-y-1" data-testid="verdicts">
          {panel.jurors.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center gap-2">
              <Badge tone={VERDICT_TONE[j.verdict]}>{t(`distribution.verdict.${j.verdict}`)}</Badge>
              <span>{t("distribution.verdictLine", { name: j.name, verdict: t(`distribution.verdict.${j.verdict}`) })}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        {panel.jurors.map((j) => (
          <Card key={j.id}>
            <Chart
              caption={t("distribution.chartCaption", { name: j.name })}
              description={t("distribution.chartDescription", { name: j.name, count: j.count })}
              data={j.bins.map((b) => ({ bin: range(b.from, b.to), juror: b.juror, panel: b.panel }))}
              xKey="bin"
              xLabel={t("distribution.bin")}
              series={[
                { key: "juror", label: t("distribution.jurorShare", { name: j.name }), type: "bar" },
                { key: "panel", label: t("distribution.panelShare"), type: "line" },
              ]}
              height={220}
            />
          </Card>
        ))}
      </div>
    </section>
  );
}
