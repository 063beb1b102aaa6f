// A team's page (/teams/<id>): pupils, begeleiders and the changes a teacher or the board may make.
import { type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { formatDate } from "~/utils/format";
import type { getTeamPage } from "~/modules/challenges/team-pages.server";
import { PROFIELEN, profielOf } from "~/modules/challenges/profielen";
import { LEERWEGEN } from "~/modules/challenges/teams";

export type TeamPageData = NonNullable<SerializeFrom<typeof getTeamPage>>;

export function consentTone(status: string) {
  return status === "given" ? "success" : status === "none" ? "warning" : "neutral";
}

/** The team page. `lastResult`: conform's reply to a refused change (errors and what was typed). */
export function TeamView({ data, lastResult }: { data: TeamPageData; lastResult: SerializeFrom<SubmissionResult<string[]>> | undefined }) {
  const { t, i18n } = useTranslation("teams");
  const { team, categories, pupils, coaches, otherTeachers, mayChange, mayManagePupils } = data;
  const profielOptions = PROFIELEN.map((code) => ({ value: code, label: t(`profiel.${code}`) }));
  const intent = lastResult?.initialValue && "intent" in lastResult.initialValue ? String(lastResult.initialValue.intent) : undefined;
  // Small forms without client validation: errors and typed values come back from the server.
  const errorsOf = (formIntent: string, field: string) => (intent === formIntent ? lastResult?.error?.[field] : undefined) ?? undefined;
  const typed = (formIntent: string, field: string) => {
    const v = intent === formIntent ? (lastResult?.initialValue as Record<string, unknown> | undefined)?.[field] : undefined;
    return typeof v === "string" ? v : undefined;
  };
  const formErrors = lastResult?.error?.[""] ?? lastResult?.error?.pupilId;
  // Editing a pupil: the row's link opens the form below the table (?bewerk=<id>, works without
  // JavaScript); after refused input the same pupil's form is open again with what was typed.
  const [searchParams] = useSearchParams();
  const refusedEditId = intent === "edit-pupil" ? typed("edit-pupil", "pupilId") : undefined;
  const editId = refusedEditId ?? searchParams.get("bewerk");
  const editing = mayManagePupils && mayChange ? pupils.find((p) => p.id === editId && !p.anonymised) : undefined;
  const editValue = (field: string, current: string) => (refusedEditId && refusedEditId === editing?.id ? (typed("edit-pupil", field) ?? "") : current);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const shownEditId = useRef(editing?.id);
  useEffect(() => {
    // Opened from a row (client-side) or refused: move focus to the form's heading.
    if (editing && shownEditId.current !== editing.id) editHeading.current?.focus();
    shownEditId.current = editing?.id;
  }, [editing]);
  useEffect(() => {
    if (intent === "edit-pupil" && lastResult?.error) editHeading.current?.focus();
  }, [intent, lastResult]);

  return (
    <>
      <PageHeader
        title={team.name}
        intro={t("team.intro", { edition: team.edition, category: team.category, school: team.school })}
        actions={
          <div className="flex flex-wrap gap-3">
            {team.resultsPublished ? <Link to={`/teams/${team.id}/uitslag`} className={buttonClass("primary")}>{t("results:team.title")}</Link> : null}
            <Link to={`/teams/${team.id}/inzending`} className={buttonClass("secondary")}>{t("team.submission")}</Link>
            {mayManagePupils ? <Link to={`/teams/${team.id}/codes`} className={buttonClass("secondary")}>{t("team.codes")}</Link> : null}
            <Link to={`/teams/${team.id}/toestemming`} className={buttonClass("secondary")}>{t("team.consent")}</Link>
          </div>
        }
      />
      {team.withdrawn ? (
        <div className="mb-4"><Alert tone="warning" title={t("status.WITHDRAWN")}>{team.withdrawnAt ? t("team.withdrawnOn", { date: formatDate(team.withdrawnAt, i18n.language) }) : null}</Alert></div>
      ) : !mayChange ? (
        <div className="mb-4"><Alert tone="info">{t("team.locked")}</Alert></div>
      ) : (
        <p className="mb-4 text-slate-700">{t("team.changeUntil", { date: formatDate(team.registrationClosesAt, i18n.language) })}</p>
      )}
      {formErrors?.length ? <div className="mb-4"><Alert tone="error"><ErrorList errors={formErrors} /></Alert></div> : null}

      <Card className="mb-6 min-w-0">
        <h2 className="text-lg font-semibold">{t("team.pupilsHeading", { count: pupils.length })}</h2>
        <div className="relative mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("team.pupilsHeading", { count: pupils.length })}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="p-2">{t("fields.firstName")}</th>
                <th scope="col" className="p-2">{t("fields.className")}</th>
                <th scope="col" className="p-2">{t("fields.leerweg")}</th>
                <th scope="col" className="p-2">{t("list.consent")}</th>
                {mayManagePupils ? <th scope="col" className="p-2">{t("team.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {pupils.map((p) => (
                <tr key={p.id} className="border-t border-slate-200">
                  <th scope="row" className="p-2 font-medium">
                    {p.firstName}
                    {p.helper ? <Badge tone="info" className="ml-2">{t("team.helper")}</Badge> : null}
                  </th>
                  <td className="p-2">{p.className}{p.leerjaar ? ` (${t(team.primary && !p.helper ? "team.group" : "team.year", { n: p.leerjaar })})` : ""}</td>
                  <td className="p-2">{[p.leerweg, p.profiel].filter(Boolean).join(" · ")}</td>
                  <td className="p-2"><Badge tone={consentTone(p.consent)}>{t(`consentStatus.${p.consent}`)}</Badge></td>
                  {mayManagePupils ? (
                    <td className="p-2"><div className="flex flex-wrap gap-2">
                      {mayChange && !p.anonymised ? (
                        <Link to={`/teams/${team.id}?bewerk=${p.id}#leerling-wijzigen`} className={buttonClass("secondary")}>
                          {t("team.edit")}<span className="sr-only"> ({p.firstName})</span>
                        </Link>
                      ) : null}
                      {mayChange && !p.anonymised ? (
                        <ConfirmDialog title={t("team.removeTitle")} triggerLabel={<>{t("team.remove")}<span className="sr-only"> ({p.firstName})</span></>} triggerVariant="secondary" confirmLabel={t("team.removeConfirm")} fields={{ intent: "remove-pupil", pupilId: p.id }}>
                          <p>{t("team.removeText", { name: p.firstName })}</p>
                        </ConfirmDialog>
                      ) : null}
                      {!p.anonymised ? (
                        <ConfirmDialog title={t("team.eraseTitle")} triggerLabel={<>{t("team.erase")}<span className="sr-only"> ({p.firstName})</span></>} triggerVariant="secondary" confirmLabel={t("team.eraseConfirm")} fields={{ intent: "erase-pupil", pupilId: p.id }}>
                          <p>{t("team.eraseText", { name: p.firstName })}</p>
                        </ConfirmDialog>
                      ) : null}
                    </div></td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {editing ? (
          <section aria-labelledby="leerling-wijzigen" className="mt-4 min-w-0 rounded-lg border border-slate-300 p-4">
            <h3 id="leerling-wijzigen" ref={editHeading} tabIndex={-1} className="font-semibold">{t("team.editHeading", { name: editing.firstName })}</h3>
            <Form method="post" className="mt-3 grid min-w-0 gap-3 sm:grid-cols-2 lg:grid-cols-3 [&>*]:min-w-0" key={`edit-${editing.id}`}>
              <input type="hidden" name="intent" value="edit-pupil" />
              <input type="hidden" name="pupilId" value={editing.id} />
              <TextField label={t("fields.firstName")} name="firstName" defaultValue={editValue("firstName", editing.firstName)} errors={errorsOf("edit-pupil", "firstName")} autoComplete="off" />
              <TextField label={t("fields.className")} name="className" defaultValue={editValue("className", editing.className)} errors={errorsOf("edit-pupil", "className")} autoComplete="off" />
              <TextField label={team.primary && !editing.helper ? t("fields.groep") : t("fields.leerjaar")} optional name="leerjaar" inputMode="numeric" defaultValue={editValue("leerjaar", editing.leerjaar ? String(editing.leerjaar) : "")} errors={errorsOf("edit-pupil", "leerjaar")} />
              <SelectField label={t("fields.leerweg")} optional name="leerweg" defaultValue={editValue("leerweg", editing.leerweg ?? "")} errors={errorsOf("edit-pupil", "leerweg")} placeholder={t("fields.none")} options={LEERWEGEN.map((l) => ({ value: l, label: t(`leerweg.${l}`) }))} />
              <SelectField label={t("fields.profiel")} optional name="profiel" defaultValue={editValue("profiel", profielOf(editing.profiel) ?? "")} errors={errorsOf("edit-pupil", "profiel")} placeholder={t("fields.none")} options={profielOptions} hint={editing.profiel && !profielOf(editing.profiel) ? t("fields.profielEarlier", { value: editing.profiel }) : undefined} />
              <div className="flex flex-wrap items-end gap-3">
                <Button>{t("team.editSubmit")}</Button>
                <Link to={`/teams/${team.id}`} className={buttonClass("ghost")}>{t("team.editCancel")}</Link>
              </div>
            </Form>
          </section>
        ) : null}
        {mayChange ? (
          <Form method="post" className="mt-4 grid min-w-0 gap-3 sm:grid-cols-2 lg:grid-cols-3 [&>*]:min-w-0" key={intent === "add-pupil" ? JSON.stringify(lastResult?.initialValue) : "add"}>
            <input type="hidden" name="intent" value="add-pupil" />
            <h3 className="font-semibold sm:col-span-2 lg:col-span-3">{t("team.addPupilHeading")}</h3>
            <TextField label={t("fields.firstName")} name="firstName" defaultValue={typed("add-pupil", "firstName")} errors={errorsOf("add-pupil", "firstName")} autoComplete="off" />
            <TextField label={t("fields.className")} name="className" defaultValue={typed("add-pupil", "className")} errors={errorsOf("add-pupil", "className")} autoComplete="off" />
            <TextField label={team.primary ? t("fields.groep") : t("fields.leerjaar")} optional name="leerjaar" inputMode="numeric" defaultValue={typed("add-pupil", "leerjaar")} errors={errorsOf("add-pupil", "leerjaar")} />
            <SelectField label={t("fields.leerweg")} optional name="leerweg" defaultValue={typed("add-pupil", "leerweg")} errors={errorsOf("add-pupil", "leerweg")} placeholder={t("fields.none")} options={LEERWEGEN.map((l) => ({ value: l, label: t(`leerweg.${l}`) }))} />
            <SelectField label={t("fields.profiel")} optional name="profiel" defaultValue={typed("add-pupil", "profiel")} errors={errorsOf("add-pupil", "profiel")} placeholder={t("fields.none")} options={profielOptions} />
            <div className="flex items-end"><Button variant="secondary">{t("team.addPupil")}</Button></div>
          </Form>
        ) : null}
      </Card>

      <Card className="mb-6 min-w-0">
        <h2 className="text-lg font-semibold">{t("team.coachesHeading")}</h2>
        <ul className="mt-2 list-disc pl-5">{coaches.map((c) => <li key={c.id}>{c.name}</li>)}</ul>
        {mayChange && otherTeachers.length ? (
          <Form method="post" className="mt-4 grid gap-3 sm:flex sm:flex-wrap sm:items-end">
            <input type="hidden" name="intent" value="add-coach" />
            <SelectField label={t("team.addCoach")} name="userId" placeholder={t("fields.choose")} options={otherTeachers.map((u) => ({ value: u.id, label: u.name }))} errors={errorsOf("add-coach", "userId")} />
            <Button variant="secondary">{t("team.addCoachSubmit")}</Button>
          </Form>
        ) : null}
      </Card>

      {mayChange ? (
        <Card className="mb-6 min-w-0 space-y-6">
          <h2 className="text-lg font-semibold">{t("team.changeHeading")}</h2>
          <Form method="post" className="grid gap-3 sm:flex sm:flex-wrap sm:items-end">
            <input type="hidden" name="intent" value="rename" />
            <TextField label={t("fields.teamName")} name="name" defaultValue={typed("rename", "name") ?? team.name} errors={errorsOf("rename", "name")} key={`rename-${team.name}`} />
            <Button variant="secondary">{t("team.rename")}</Button>
          </Form>
          <Form method="post" className="grid gap-3 sm:flex sm:flex-wrap sm:items-end">
            <input type="hidden" name="intent" value="move" />
            <SelectField label={t("fields.category")} name="categoryId" defaultValue={team.categoryId} key={`move-${team.categoryId}`} errors={errorsOf("move", "categoryId")} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
            <Button variant="secondary">{t("team.move")}</Button>
          </Form>
          <ConfirmDialog title={t("team.withdrawTitle")} triggerLabel={t("team.withdraw")} confirmLabel={t("team.withdrawConfirm")} fields={{ intent: "withdraw" }}>
            <p>{t("team.withdrawText", { team: team.name })}</p>
          </ConfirmDialog>
        </Card>
      ) : null}
      <p><Link to="/teams" className="inline-flex min-h-11 items-center underline">{t("nav.back")}</Link></p>
    </>
  );
}
