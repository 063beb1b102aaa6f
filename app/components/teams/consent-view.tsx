// Consents of a team's pupils (/teams/<id>/toestemming): on paper, by a request mailed to a parent, withdrawn.
import type { SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { CheckboxField, RadioGroup } from "~/components/ui/checkbox";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import type { getConsentPage } from "~/modules/challenges/team-pages.server";
import { formatDate } from "~/utils/format";
import { consentTone } from "./team-view";

export type ConsentPageData = SerializeFrom<typeof getConsentPage>;

/** The consent page: per pupil the forms (paper, request by mail) and the history. `last`: a refused form. */
export function ConsentView({ data, last }: { data: ConsentPageData; last: SerializeFrom<SubmissionResult<string[]>> | undefined }) {
  const { t, i18n } = useTranslation("teams");
  const { team, pupils, mayAct, versions, current } = data;
  const typedValues = (last?.initialValue ?? {}) as Record<string, unknown>;
  const forPupil = (intent: string, id: string) => typedValues.intent === intent && typedValues.pupilId === id;
  const errorsOf = (intent: string, id: string, field: string) => (forPupil(intent, id) ? last?.error?.[field] ?? undefined : undefined);
  const typed = (intent: string, id: string, field: string) => (forPupil(intent, id) && typeof typedValues[field] === "string" ? (typedValues[field] as string) : undefined);
  const formErrors = last?.error?.[""] ?? (typedValues.intent === "withdraw" ? last?.error?.consentId : undefined);
  const lang = i18n.language;
  return (
    <>
      <PageHeader title={t("consentPage.title", { team: team.name })} intro={t("consentPage.intro")} />
      {formErrors?.length ? <div className="mb-4"><Alert tone="error"><ErrorList errors={formErrors} /></Alert></div> : null}
      {pupils.length === 0 ? <p>{t("codes.noPupils")}</p> : null}
      <div className="space-y-6">
        {pupils.map((p) => (
          <Card key={p.id} className="min-w-0">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-lg font-semibold">{p.firstName} <span className="font-normal text-slate-700">({p.className})</span></h2>
              <Badge tone={consentTone(p.status)}>{t(`consentStatus.${p.status}`)}</Badge>
            </div>
            {mayAct ? (
              <div className="mt-4 grid gap-6 lg:grid-cols-2">
                <Form method="post" className="space-y-3" key={`paper-${p.id}-${forPupil("paper", p.id) ? "typed" : "clean"}`}>
                  <h3 className="font-semibold">{t("consentPage.paperHeading")}</h3>
                  <input type="hidden" name="intent" value="paper" />
                  <input type="hidden" name="pupilId" value={p.id} />
                  <RadioGroup
                    label={t("consentPage.givenBy")}
                    name="givenBy"
                    inline
                    defaultValue={typed("paper", p.id, "givenBy") ?? "PARENT"}
                    errors={errorsOf("paper", p.id, "givenBy")}
                    options={[{ value: "PARENT", label: t("givenBy.PARENT") }, { value: "PUPIL", label: t("givenBy.PUPIL") }]}
                  />
                  <TextField label={t("consentPage.giverName")} name="giverName" defaultValue={typed("paper", p.id, "giverName")} errors={errorsOf("paper", p.id, "giverName")} />
                  <CheckboxField label={t("consentPage.pupil16")} name="pupilIs16OrOlder" errors={errorsOf("paper", p.id, "pupilIs16OrOlder")} defaultChecked={typed("paper", p.id, "pupilIs16OrOlder") === "on"} />
                  <CheckboxField label={t("consentPage.publishName")} name="publishName" errors={errorsOf("paper", p.id, "publishName")} defaultChecked={typed("paper", p.id, "publishName") === "on"} />
                  <CheckboxField label={t("consentPage.publishPhotos")} name="publishPhotos" defaultChecked={typed("paper", p.id, "publishPhotos") === "on"} />
                  <SelectField label={t("consentPage.textVersion")} name="textVersion" defaultValue={typed("paper", p.id, "textVersion") ?? current} errors={errorsOf("paper", p.id, "textVersion")} options={versions.map((v) => ({ value: v, label: t(`consentText.${v}.label`) }))} />
                  <Button variant="secondary">{t("consentPage.record")}<span className="sr-only"> ({p.firstName})</span></Button>
                </Form>
                <Form method="post" className="space-y-3" key={`request-${p.id}-${forPupil("request", p.id) ? "typed" : "clean"}`}>
                  <h3 className="font-semibold">{t("consentPage.requestHeading")}</h3>
                  <p className="text-sm text-slate-700">{t("consentPage.requestHint")}</p>
                  <input type="hidden" name="intent" value="request" />
                  <input type="hidden" name="pupilId" value={p.id} />
                  <TextField label={t("consentPage.parentEmail")} name="parentEmail" type="email" autoComplete="off" defaultValue={typed("request", p.id, "parentEmail")} errors={errorsOf("request", p.id, "parentEmail")} />
                  <SelectField label={t("consentPage.mailLanguage")} name="locale" defaultValue={typed("request", p.id, "locale") ?? "nl"} options={[{ value: "nl", label: t("consentPage.dutch") }, { value: "en", label: t("consentPage.english") }]} />
                  <Button variant="secondary">{t("consentPage.send")}<span className="sr-only"> ({p.firstName})</span></Button>
                </Form>
              </div>
            ) : null}
            <h3 className="mt-6 font-semibold">{t("consentPage.history")}</h3>
            {p.consents.length === 0 && p.requests.length === 0 ? <p className="text-slate-700">{t("consentPage.noHistory")}</p> : null}
            <ul className="mt-2 space-y-2">
              {p.consents.map((c) => (
                <li key={c.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    {t("consentPage.entry", {
                      date: formatDate(c.at, lang),
                      who: c.giverName,
                      givenBy: t(`givenBy.${c.givenBy}`),
                      channel: t(`channel.${c.channel === "EMAIL" ? "EMAIL" : "PAPER"}`),
                      what: [c.publishName ? t("consentPage.name") : null, c.publishPhotos ? t("consentPage.photos") : null].filter(Boolean).join(", ") || t("consentPage.nothing"),
                      version: c.textVersion,
                    })}
                  </span>
                  {c.withdrawnAt ? (
                    <Badge>{t("consentPage.withdrawnOn", { date: formatDate(c.withdrawnAt, lang) })}</Badge>
                  ) : mayAct && (c.publishName || c.publishPhotos) ? (
                    <ConfirmDialog title={t("consentPage.withdrawTitle")} triggerLabel={<>{t("consentPage.withdraw")}<span className="sr-only"> ({p.firstName})</span></>} triggerVariant="secondary" confirmLabel={t("consentPage.withdrawConfirm")} fields={{ intent: "withdraw", consentId: c.id }}>
                      <p>{t("consentPage.withdrawText", { name: p.firstName })}</p>
                    </ConfirmDialog>
                  ) : null}
                </li>
              ))}
              {p.requests.map((r) => (
                <li key={r.id}>
                  {t("consentPage.requestEntry", { date: formatDate(r.sentAt, lang) })}{" "}
                  <Badge tone={r.answeredAt ? "success" : r.expired ? "neutral" : "info"}>
                    {r.answeredAt ? t("consentPage.answered", { date: formatDate(r.answeredAt, lang) }) : r.expired ? t("consentPage.expired") : t("consentPage.waiting", { date: formatDate(r.expiresAt, lang) })}
                  </Badge>
                </li>
              ))}
            </ul>
          </Card>
        ))}
      </div>
      <p className="mt-6"><Link to={`/teams/${team.id}`} className="inline-flex min-h-11 items-center underline">{t("nav.backToTeam")}</Link></p>
    </>
  );
}
