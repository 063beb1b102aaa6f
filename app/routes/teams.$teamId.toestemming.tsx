import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { CheckboxField, RadioGroup } from "~/components/ui/checkbox";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { notFound } from "~/modules/auth/session.server";
import { consentStatus, CONSENT_TEXT_VERSIONS, CURRENT_CONSENT_TEXT, recordPaperConsent, sendConsentRequest, withdrawConsent } from "~/modules/challenges/consent.server";
import { requireTeamStaff } from "~/modules/challenges/team-access.server";
import { ID_PATTERN } from "./teams.nieuw";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { consentTone } from "./teams.$teamId._index";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team: found, relation } = await requireTeamStaff(request, params.teamId);
  const at = now();
  const [t, team] = await Promise.all([
    getT(request),
    db.team.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        id: true, name: true,
        members: {
          orderBy: { position: "asc" },
          where: { pupil: { anonymisedAt: null } },
          select: {
            pupil: {
              select: {
                id: true, firstName: true, className: true,
                consents: { orderBy: { at: "desc" }, select: { id: true, givenBy: true, giverName: true, channel: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true } },
                consentRequests: { orderBy: { sentAt: "desc" }, select: { id: true, sentAt: true, expiresAt: true, answeredAt: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  return json({
    title: t("teams:consentPage.title", { team: team.name }),
    team: { id: team.id, name: team.name },
    mayAct: relation !== "school-contact",
    versions: [...CONSENT_TEXT_VERSIONS],
    current: CURRENT_CONSENT_TEXT,
    pupils: team.members.map(({ pupil }) => ({
      id: pupil.id,
      firstName: pupil.firstName,
      className: pupil.className,
      status: consentStatus(pupil.consents, at),
      consents: pupil.consents,
      requests: pupil.consentRequests.map((r) => ({ ...r, expired: !r.answeredAt && r.expiresAt.getTime() <= at.getTime() })),
    })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const pupilId = z.string({ error: "teams:errors.pupilRequired" }).regex(ID_PATTERN, "teams:errors.pupilRequired");

export const ConsentActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("paper"),
    pupilId,
    givenBy: z.enum(["PARENT", "PUPIL"], { error: "teams:errors.givenBy" }),
    giverName: z.string({ error: "teams:errors.giverName" }).transform(clean).pipe(z.string().min(1, "teams:errors.giverName").max(120, "teams:errors.tooLong?max=120")),
    publishName: z.boolean().default(false),
    publishPhotos: z.boolean().default(false),
    pupilIs16OrOlder: z.boolean().default(false),
    textVersion: z.string({ error: "teams:errors.textVersion" }).max(40, "teams:errors.textVersion"),
  }),
  z.object({
    intent: z.literal("request"),
    pupilId,
    parentEmail: z.string({ error: "teams:errors.parentEmail" }).transform(clean).pipe(z.email("teams:errors.parentEmail").max(254, "teams:errors.parentEmail")).transform((s) => s.toLowerCase()),
    locale: z.enum(["nl", "en"]).default("nl"),
  }),
  z.object({ intent: z.literal("withdraw"), consentId: z.string({ error: "teams:errors.consentRequired" }).regex(ID_PATTERN, "teams:errors.consentRequired") }),
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = ConsentActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, relation } = await requireTeamStaff(request, params.teamId);
  const submission = parseWithZod(await readForm(request), { schema: ConsentActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (relation === "school-contact") return json(submission.reply({ formErrors: ["teams:errors.readOnly"] }), { status: 403 });
  const value = submission.value;
  const back = `/teams/${team.id}/toestemming`;
  if (value.intent === "withdraw") {
    const consent = await db.consent.findFirst({ where: { id: value.consentId, pupil: { teams: { some: { teamId: team.id } } } }, select: { id: true } });
    if (!consent) notFound();
    await withdrawConsent(consent.id, user.id);
    return redirectWithToast(back, { key: "teams:consentPage.withdrawn" });
  }
  const member = await db.teamMember.findFirst({ where: { teamId: team.id, pupilId: value.pupilId, pupil: { anonymisedAt: null } }, select: { pupil: { select: { firstName: true } } } });
  if (!member) notFound();
  if (value.intent === "request") {
    const sent = await sendConsentRequest(value.pupilId, value.parentEmail, value.locale, user.id);
    if (!sent.ok) notFound();
    return redirectWithToast(back, { key: "teams:consentPage.requestSent", values: { name: member.pupil.firstName } });
  }
  const result = await recordPaperConsent(value.pupilId, value, user.id);
  if (!result.ok && result.reason === "not-found") notFound();
  if (!result.ok && result.reason === "invalid") return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirectWithToast(back, { key: "teams:consentPage.recorded", values: { name: member.pupil.firstName } });
}

export default function ConsentPage() {
  const { t, i18n } = useTranslation("teams");
  const { team, pupils, mayAct, versions, current } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
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
