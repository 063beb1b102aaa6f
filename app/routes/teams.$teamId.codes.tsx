import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { forbidden, notFound } from "~/modules/auth/session.server";
import { issuePupilCode, revokePupilCodes } from "~/modules/auth/pupil-codes.server";
import { requireTeamStaff } from "~/modules/challenges/team-access.server";
import { ID_PATTERN } from "./teams.nieuw";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 8;

/** Codes are for the teachers of the school and the board; the school contact only reads the team. */
async function requireCodeAccess(request: Request, teamId: string | undefined) {
  const access = await requireTeamStaff(request, teamId);
  if (access.relation === "school-contact") forbidden();
  return access;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { team: found } = await requireCodeAccess(request, params.teamId);
  const [t, team] = await Promise.all([
    getT(request),
    db.team.findUniqueOrThrow({
      where: { id: found.id },
      select: {
        id: true, name: true,
        members: {
          orderBy: { position: "asc" },
          where: { pupil: { anonymisedAt: null, userId: { not: null } } },
          select: { pupil: { select: { id: true, firstName: true, className: true, user: { select: { pupilCodes: { where: { revokedAt: null }, select: { createdAt: true, lastUsedAt: true } } } } } } },
        },
      },
    }),
  ]);
  return json({
    title: t("teams:codes.title", { team: team.name }),
    team: { id: team.id, name: team.name },
    pupils: team.members.map((m) => {
      const code = m.pupil.user?.pupilCodes[0] ?? null;
      return { id: m.pupil.id, firstName: m.pupil.firstName, className: m.pupil.className, issuedAt: code?.createdAt ?? null, lastUsedAt: code?.lastUsedAt ?? null };
    }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const pupilId = z.string().regex(ID_PATTERN, "teams:errors.pupilRequired");
export const CodesActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("issue"), pupilId: pupilId.optional() }),
  z.object({ intent: z.literal("revoke"), pupilId: z.string({ error: "teams:errors.pupilRequired" }).regex(ID_PATTERN, "teams:errors.pupilRequired") }),
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = CodesActionSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, team } = await requireCodeAccess(request, params.teamId);
  const submission = parseWithZod(await readForm(request), { schema: CodesActionSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sheet: null }, { status: 400 });
  const value = submission.value;
  const members = await db.teamMember.findMany({
    where: { teamId: team.id, pupil: { anonymisedAt: null, userId: { not: null }, ...(value.pupilId ? { id: value.pupilId } : {}) } },
    orderBy: { position: "asc" },
    select: { pupil: { select: { firstName: true, userId: true } }, team: { select: { name: true } } },
  });
  if (value.pupilId && members.length === 0) notFound();
  if (value.intent === "revoke") {
    await db.$transaction((tx) => revokePupilCodes(members[0]!.pupil.userId!, user.id, tx));
    return redirectWithToast(`/teams/${team.id}/codes`, { key: "teams:codes.revoked", values: { name: members[0]!.pupil.firstName } });
  }
  // New codes replace the earlier ones; the plain codes are shown once, on this sheet.
  const cards = await db.$transaction(async (tx) => {
    const out: { firstName: string; code: string }[] = [];
    for (const m of members) out.push({ firstName: m.pupil.firstName, code: await issuePupilCode(m.pupil.userId!, user.id, tx) });
    return out;
  });
  return json({ result: null, sheet: { teamName: members[0]?.team.name ?? "", cards } });
}

export default function Codes() {
  const { t, i18n } = useTranslation("teams");
  const { team, pupils } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const sheet = data?.sheet;
  const errors = data?.result?.error?.[""] ?? data?.result?.error?.pupilId;
  if (sheet)
    return (
      <>
        <style>{"@media print { body * { visibility: hidden !important; } #code-sheet, #code-sheet * { visibility: visible !important; } #code-sheet { position: absolute; inset: 0; } .no-print { display: none !important; } }"}</style>
        <div className="no-print">
          <PageHeader title={t("codes.sheetTitle", { team: sheet.teamName })} intro={t("codes.sheetIntro")} />
          <div className="mb-6 flex flex-wrap gap-3">
            <Button type="button" onClick={() => window.print()}>{t("codes.print")}</Button>
            <Link to={`/teams/${team.id}/codes`} className="inline-flex min-h-11 items-center underline">{t("codes.done")}</Link>
          </div>
        </div>
        <div id="code-sheet" className="grid gap-4 sm:grid-cols-2 print:grid-cols-2">
          {sheet.cards.map((card: { firstName: string; code: string }) => (
            <section key={card.code} className="break-inside-avoid rounded-xl border-2 border-dashed border-slate-500 bg-white p-5" data-testid="code-card">
              <h2 className="text-xl font-bold">{card.firstName}</h2>
              <p className="text-slate-700">{t("codes.cardTeam", { team: sheet.teamName })}</p>
              <p className="mt-3 text-sm text-slate-700">{t("codes.cardCodeLabel")}</p>
              <p className="font-mono text-2xl font-bold tracking-wider" data-testid="pupil-code">{card.code}</p>
              <p className="mt-3 text-sm">{t("codes.cardHow")}</p>
              <p className="font-mono text-sm">/login/leerling</p>
            </section>
          ))}
        </div>
      </>
    );
  return (
    <>
      <PageHeader title={t("codes.title", { team: team.name })} intro={t("codes.intro")} />
      {errors?.length ? <div className="mb-4"><Alert tone="error"><ErrorList errors={errors} /></Alert></div> : null}
      <Card className="mb-6 min-w-0">
        {pupils.length ? (
          <>
            <Form method="post">
              <input type="hidden" name="intent" value="issue" />
              <Button>{t("codes.issueAll")}</Button>
            </Form>
            <p className="mt-2 text-sm text-slate-700">{t("codes.issueAllHint")}</p>
          </>
        ) : (
          <p>{t("codes.noPupils")}</p>
        )}
      </Card>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={t("codes.tableLabel")}>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="p-3">{t("fields.firstName")}</th>
              <th scope="col" className="p-3">{t("codes.status")}</th>
              <th scope="col" className="p-3">{t("team.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {pupils.map((p) => (
              <tr key={p.id} className="border-t border-slate-200">
                <th scope="row" className="p-3 font-medium">{p.firstName} <span className="font-normal text-slate-700">({p.className})</span></th>
                <td className="p-3">
                  {p.issuedAt ? (
                    <Badge tone="success">{t("codes.issuedOn", { date: formatDate(p.issuedAt, i18n.language) })}</Badge>
                  ) : (
                    <Badge tone="warning">{t("codes.noCode")}</Badge>
                  )}
                  {p.lastUsedAt ? <span className="ml-2 text-slate-700">{t("codes.lastUsed", { date: formatDate(p.lastUsedAt, i18n.language) })}</span> : null}
                </td>
                <td className="p-3"><div className="flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="issue" />
                    <input type="hidden" name="pupilId" value={p.id} />
                    <Button variant="secondary">{p.issuedAt ? t("codes.reissue") : t("codes.issue")}<span className="sr-only"> ({p.firstName})</span></Button>
                  </Form>
                  {p.issuedAt ? (
                    <ConfirmDialog title={t("codes.revokeTitle")} triggerLabel={<>{t("codes.revoke")}<span className="sr-only"> ({p.firstName})</span></>} triggerVariant="secondary" confirmLabel={t("codes.revokeConfirm")} fields={{ intent: "revoke", pupilId: p.id }}>
                      <p>{t("codes.revokeText", { name: p.firstName })}</p>
                    </ConfirmDialog>
                  ) : null}
                </div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-6"><Link to={`/teams/${team.id}`} className="inline-flex min-h-11 items-center underline">{t("nav.backToTeam")}</Link></p>
    </>
  );
}
