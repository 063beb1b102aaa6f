import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { SignOutEverywhereSchema, SwitchRoleSchema } from "~/modules/auth/auth.schema";
import { listActiveSessions } from "~/modules/auth/sessions-list.server";
import { endAllSessions, requireUser, sessionCookie, switchActiveRole } from "~/modules/auth/session.server";
import { audit } from "~/modules/audit/audit.server";
import { invalid, readForm } from "~/utils/forms.server";
import { getT } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";

// Queries its loader may make, whatever the amount of data (tests/guards/query-budget.test.ts).
export const queryBudget = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, sessions] = await Promise.all([getT(request), listActiveSessions(user.id)]);
  return json({
    title: t("auth:account.title"),
    user: { name: user.name, email: user.email, activeRoleId: user.activeRole?.id ?? null, roles: user.roles },
    sessions: sessions.map((s) => ({ ...s, current: s.id === user.sessionId })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

const AccountActionSchema = z.discriminatedUnion("intent", [
  SwitchRoleSchema.extend({ redirectTo: z.string().max(2000).optional() }),
  SignOutEverywhereSchema,
]);

// The action's input (tests/guards/hostile-input.test.ts fuzzes the action against it).
export const actionSchema = AccountActionSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: AccountActionSchema });
  if (submission.status !== "success") return invalid(submission.reply());
  const value = submission.value;
  if (value.intent === "switch-role") {
    if (!(await switchActiveRole(user, value.roleId))) throw new Response("Not Found", { status: 404 });
    await audit({ actorId: user.id, action: "session.switch-role", entityType: "Session", entityId: user.sessionId, after: { roleId: value.roleId } });
    return redirect(safeRedirectPath(value.redirectTo, "/dashboard"));
  }
  const ended = await endAllSessions(user.id);
  await audit({ actorId: user.id, action: "session.end-all", entityType: "User", entityId: user.id, meta: { ended } });
  return redirect("/login", { headers: { "Set-Cookie": await sessionCookie().serialize("", { maxAge: 0 }) } });
}

export default function Account() {
  const { t, i18n } = useTranslation();
  const { user, sessions } = useLoaderData<typeof loader>();
  const format = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(
      new Date(iso),
    );
  return (
    <div className="space-y-6">
      <PageHeader title={t("auth:account.title")} />
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:account.details")}</h2>
        <dl className="mt-3 grid gap-2 sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-600">{t("auth:account.name")}</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-600">{t("auth:account.email")}</dt>
          <dd className="break-all">{user.email}</dd>
        </dl>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:account.roles")}</h2>
        <ul className="mt-3 divide-y divide-slate-100">
          {user.roles.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {t(`auth:roles.${r.role}`)}
                {r.organisation ? ` · ${r.organisation}` : ""}
                {r.id === user.activeRoleId ? (
                  <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900">
                    {t("auth:account.active")}
                  </span>
                ) : null}
              </span>
              {r.id !== user.activeRoleId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="switch-role" />
                  <input type="hidden" name="roleId" value={r.id} />
                  <Button variant="secondary">{t("auth:account.useRole")}</Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="text-lg font-semibold">{t("auth:account.sessions")}</h2>
        <p className="mt-1 text-slate-700">{t("auth:account.sessionsIntro")}</p>
        <ul className="mt-3 space-y-1">
          {sessions.map((s) => (
            <li key={s.id}>
              {s.device} — {t("auth:account.since", { date: format(s.createdAt) })}
              {s.current ? <strong> ({t("auth:account.thisDevice")})</strong> : null}
            </li>
          ))}
        </ul>
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <Button variant="danger">{t("auth:account.signOutEverywhere")}</Button>
        </Form>
      </Card>
    </div>
  );
}
