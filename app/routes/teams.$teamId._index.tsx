import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList, TextField } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { SelectField } from "~/components/ui/select";
import { audit } from "~/modules/audit/audit.server";
import { notFound } from "~/modules/auth/session.server";
import { consentStatus } from "~/modules/challenges/consent.server";
import { anonymisePupil } from "~/modules/challenges/erasure.server";
import { isRegistrationOpen } from "~/modules/challenges/phases";
import { requireTeamStaff } from "~/modules/challenges/team-access.server";
import { addCoach, changeRole, updateTeam, withdrawTeam, type Refusal } from "~/modules/challenges/team-registration.server";
import { mayChangeTeam } from "~/modules/challenges/teams";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/toast.server";
import { PROFIELEN, profielOf } from "~/modules/challenges/profielen";
import { ID_PATTERN, LEERWEGEN, PupilRowSchema } from "./teams.nieuw";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

type HeadRow = {
  id: string; name: string; status: string; withdrawnAt: Date | null; categoryId: string; school: string; schoolType: string | null; agreementSignedOn: Date | null; category: string;
  editionName: string; registrationOpensAt: Date; registrationClosesAt: Date; submissionDeadline: Date; judgingOpensAt: Date; judgingClosesAt: Date;
  resultsPublishAt: Date; registrationClosedEarlyAt: Date | null; minTeamSize: number; maxTeamSize: number;
};
type MemberRow = { id: string; position: number; helper: boolean; firstName: string; className: string; leerjaar: number | null; leerweg: string | null; profiel: string | null; anonymisedAt: Date | null };
type PersonRow = { id: string; name: string; coach: boolean };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, team: found, relation } = await requireTeamStaff(request, params.teamId);
  const at = now();
  // A fixed number of queries however many pupils: the team with its names in one query, the
  // pupils in one, their consents in one, begeleiders and the school's teachers in one.
  const [heads, categories, memberRows, consents, people] = await Promise.all([
    db.$queryRaw<HeadRow[]>`
      SELECT t.id, t.name, t.status::text AS status, t."withdrawnAt", t."categoryId", s.name AS school, s.type::text AS "schoolType", s."agreementSignedOn", c.name AS category,
             e.name AS "editionName", e."registrationOpensAt", e."registrationClosesAt", e."submissionDeadline", e."judgingOpensAt", e."judgingClosesAt",
             e."resultsPublishAt", e."registrationClosedEarlyAt", e."minTeamSize", e."maxTeamSize"
      FROM "Team" t JOIN "School" s ON s.id = t."schoolId" JOIN "EditionCategory" c ON c.id = t."categoryId" JOIN "Edition" e ON e.id = t."editionId"
      WHERE t.id = ${found.id}`,
    db.editionCategory.findMany({ where: { editionId: found.editionId }, orderBy: { position: "asc" }, select: { id: true, name: true } }),
    db.$queryRaw<MemberRow[]>`
      SELECT p.id, m.position, m.helper, p."firstName", p."className", p.leerjaar, p.leerweg, p.profiel, p."anonymisedAt"
      FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId" WHERE m."teamId" = ${found.id} ORDER BY m.position ASC`,
    db.consent.findMany({
      where: { pupil: { teams: { some: { teamId: found.id } } } },
      select: { pupilId: true, givenBy: true, publishName: true, publishPhotos: true, textVersion: true, at: true, withdrawnAt: true },
    }),
    db.$queryRaw<PersonRow[]>`
      SELECT u.id, u.name, EXISTS (SELECT 1 FROM "TeamCoach" tc WHERE tc."teamId" = ${found.id} AND tc."userId" = u.id) AS coach
      FROM "User" u
      WHERE u.id IN (SELECT tc."userId" FROM "TeamCoach" tc WHERE tc."teamId" = ${found.id})
         OR u.id IN (SELECT r."userId" FROM "RoleAssignment" r WHERE r.role = 'TEACHER' AND r."schoolId" = ${found.schoolId})
      ORDER BY u.name ASC`,
  ]);
  const head = heads[0];
  if (!head) notFound();
  const team = { ...head, edition: { ...head, name: head.editionName }, members: memberRows };
  const open = isRegistrationOpen(team.edition, at);
  const role = relation === "school-contact" ? "other" : changeRole(user, found.schoolId);
  const mayChange = team.status === "REGISTERED" && mayChangeTeam(role, open);
  return json({
    title: team.name,
    team: {
      id: team.id, name: team.name, withdrawn: team.status === "WITHDRAWN", withdrawnAt: team.withdrawnAt, categoryId: team.categoryId,
      school: team.school, primary: team.schoolType === "PRIMARY", agreement: team.agreementSignedOn !== null, category: team.category,
      edition: team.editionName, registrationClosesAt: team.registrationClosesAt, minTeamSize: team.minTeamSize, maxTeamSize: team.maxTeamSize,
    },
    categories,
    pupils: team.members.map((m) => ({
      id: m.id, position: m.position, helper: m.helper, firstName: m.firstName, className: m.className, leerjaar: m.leerjaar,
      leerweg: m.leerweg, profiel: m.profiel, anonymised: m.anonymisedAt !== null, consent: consentStatus(consents.filter((c) => c.pupilId === m.id), at),
    })),
    coaches: people.filter((p) => p.coach).map((p) => ({ id: p.id, name: p.name })),
    otherTeachers: people.filter((p) => !p.coach).map((p) => ({ id: p.id, name: p.name })),
    mayChange,
    mayManagePupils: relation !== "school-contact",
    open,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const clean = (s: string) => s.replaceAll("\u0000", "").trim();
const pupilId = z.string({ error: "teams:errors.pupilRequired" }).regex(ID_PATTERN, "teams:errors.pupilRequired");

export const TeamActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: z.string({ error: "teams:errors.nameRequired" }).transform(clean).pipe(z.string({ error: "teams:errors.nameRequired" }).min(1, "teams:errors.nameRequired").max(80, "teams:errors.tooLong?max=80")) }),
  z.object({ intent: z.literal("move"), categoryId: z.string({ error: "teams:errors.categoryRequired" }).regex(ID_PATTERN, "teams:errors.categoryRequired") }),
  z.object({ intent: z.literal("withdraw") }),
  PupilRowSchema.extend({ intent: z.literal("add-pupil") }),
  PupilRowSchema.extend({ intent: z.literal("edit-pupil"), pupilId }),
  z.object({ intent: z.literal("remove-pupil"), pupilId }),
  z.object({ intent: z.literal("erase-pupil"), pupilId }),
  z.object({ intent: z.literal("add-coach"), userId: z.string({ error: "teams:errors.coachUnknown" }).regex(ID_PATTERN, "teams:errors.coachUnknown") }),
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = TeamActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team, relation } = await requireTeamStaff(request, params.teamId);
  const submission = parseWithZod(await readForm(request), { schema: TeamActionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const value = submission.value;
  const back = `/teams/${team.id}`;
  // The school contact reads; teachers of the school and the board act.
  if (relation === "school-contact") return json(submission.reply({ formErrors: ["teams:errors.readOnly"] }), { status: 403 });

  if (value.intent === "erase-pupil") {
    // On request, at any time: the pupil becomes "Leerling <n>" of the team.
    const member = await db.teamMember.findFirst({ where: { teamId: team.id, pupilId: value.pupilId }, select: { id: true } });
    if (!member) notFound();
    await db.$transaction(async (tx) => {
      await anonymisePupil(value.pupilId, user.id, tx, "request");
      await audit({ actorId: user.id, action: "team.erase-pupil", entityType: "Team", entityId: team.id, meta: { pupilId: value.pupilId } }, tx);
    });
    return redirectWithToast(back, { key: "teams:team.erased" });
  }

  let result: { ok: true } | Refusal;
  if (value.intent === "rename") result = await updateTeam(team.id, { kind: "rename", name: value.name }, user);
  else if (value.intent === "move") result = await updateTeam(team.id, { kind: "move", categoryId: value.categoryId }, user);
  else if (value.intent === "withdraw") result = await withdrawTeam(team.id, user);
  else if (value.intent === "add-pupil") {
    const { intent: _intent, ...pupil } = value;
    result = await updateTeam(team.id, { kind: "add-pupil", pupil }, user);
  } else if (value.intent === "edit-pupil") {
    const { intent: _intent, pupilId: editedId, ...pupil } = value;
    result = await updateTeam(team.id, { kind: "edit-pupil", pupilId: editedId, pupil }, user);
  } else if (value.intent === "remove-pupil") result = await updateTeam(team.id, { kind: "remove-pupil", pupilId: value.pupilId }, user);
  else result = await addCoach(team.id, value.userId, user);

  if (result.ok) return redirectWithToast(back, { key: `teams:team.done.${value.intent}` });
  if (result.reason === "not-found") notFound();
  if (result.reason === "invalid") return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const key = result.reason === "closed" ? "teams:errors.closed" : result.reason === "no-agreement" ? "teams:errors.noAgreement" : "teams:errors.withdrawn";
  return json(submission.reply({ formErrors: [key] }), { status: result.reason === "closed" ? 403 : 400 });
}

export function consentTone(status: string) {
  return status === "given" ? "success" : status === "none" ? "warning" : "neutral";
}

export default function TeamPage() {
  const { t, i18n } = useTranslation("teams");
  const { team, categories, pupils, coaches, otherTeachers, mayChange, mayManagePupils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
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
  const profielOptions = PROFIELEN.map((code) => ({ value: code, label: t(`profiel.${code}`) }));
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
