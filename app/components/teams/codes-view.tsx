// Pupil codes of a team (/teams/<id>/codes): who holds a code, new codes, the sheet to print.
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { ConfirmDialog } from "~/components/ui/dialog";
import { ErrorList } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import type { getCodesPage } from "~/modules/challenges/team-pages.server";
import { formatDate } from "~/utils/format";

export type CodesPageData = SerializeFrom<typeof getCodesPage>;
export type CodeSheet = { teamName: string; cards: { firstName: string; code: string }[] };

/** The codes page; after issuing, the printable sheet with the new codes (shown once). */
export function CodesView({ data, sheet, errors }: { data: CodesPageData; sheet: CodeSheet | null | undefined; errors: string[] | null | undefined }) {
  const { t, i18n } = useTranslation("teams");
  const { team, pupils } = data;
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
