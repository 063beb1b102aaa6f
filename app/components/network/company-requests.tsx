// The requests the network put to a company (/bedrijf/<id>/verzoeken), with the answer forms.
import type { SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert";
import { Badge, type BadgeTone } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { RadioGroup } from "~/components/ui/checkbox";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorList } from "~/components/ui/field";
import { Card, PageHeader } from "~/components/ui/page";
import { TextareaField } from "~/components/ui/textarea";
import type { RequestStatus } from "~/generated/prisma/enums";
import type { getCompanyRequests } from "~/modules/network/company-pages.server";
import { formatDate } from "~/utils/format";

type CompanyRequest = NonNullable<SerializeFrom<typeof getCompanyRequests>>["requests"][number];

const REQUEST_TONES: Record<RequestStatus, BadgeTone> = { OPEN: "info", YES: "success", NO: "neutral", WITHDRAWN: "neutral" };

/** Open requests with an answer form each, then the answered ones. `actionData`: a refused answer. */
export function CompanyRequestsView({ requests, actionData }: { requests: CompanyRequest[]; actionData: { result: SerializeFrom<SubmissionResult<string[]>>; requestId: string | null } | undefined }) {
  const { t, i18n } = useTranslation("network");
  const navigation = useNavigation();
  const lng = i18n.language;
  const open = requests.filter((r) => r.status === "OPEN");
  const done = requests.filter((r) => r.status !== "OPEN");
  return (
    <div className="space-y-6">
      <PageHeader title={t("companyRequests.title")} intro={t("companyRequests.intro")} />
      {requests.length === 0 ? <EmptyState title={t("companyRequests.emptyTitle")} text={t("companyRequests.emptyText")} /> : null}
      {open.length > 0 ? (
        <section aria-labelledby="open-requests" className="space-y-4">
          <h2 id="open-requests" className="text-xl font-semibold">
            {t("companyRequests.openTitle", { count: open.length })}
          </h2>
          {open.map((r) => {
            const mine = actionData?.requestId === r.id ? actionData.result : undefined;
            const typed = mine?.initialValue as Record<string, string> | undefined;
            return (
              <Card key={r.id}>
                <article aria-labelledby={`request-${r.id}`}>
                  <p className="text-sm text-slate-700">
                    {t(`kinds.${r.kind}`)} · {t("companyRequests.askedBy", { name: r.askedByName, date: formatDate(r.askedAt, lng) })}
                  </p>
                  <h3 id={`request-${r.id}`} className="mt-1 text-lg font-semibold break-words">
                    {r.subject}
                  </h3>
                  {r.details ? <p className="mt-2 whitespace-pre-line break-words text-slate-800">{r.details}</p> : null}
                  {mine?.error?.[""] ? (
                    <div className="mt-3">
                      <Alert tone="error">
                        <ErrorList errors={mine.error[""]} />
                      </Alert>
                    </div>
                  ) : null}
                  <Form method="post" className="mt-4 space-y-4">
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <RadioGroup
                      label={t("companyRequests.yourAnswer")}
                      name="answer"
                      inline
                      defaultValue={typed?.answer}
                      errors={mine?.error?.answer}
                      options={[
                        { value: "YES", label: t("companyRequests.yes") },
                        { value: "NO", label: t("companyRequests.no") },
                      ]}
                    />
                    <TextareaField
                      label={t("companyRequests.answerText")}
                      hint={t("companyRequests.answerTextHint")}
                      optional
                      name="text"
                      rows={3}
                      defaultValue={typed?.text}
                      errors={mine?.error?.text}
                    />
                    <Button pending={navigation.state === "submitting" && navigation.formData?.get("requestId") === r.id}>
                      {t("companyRequests.send")}
                    </Button>
                  </Form>
                </article>
              </Card>
            );
          })}
        </section>
      ) : null}
      {done.length > 0 ? (
        <section aria-labelledby="done-requests">
          <h2 id="done-requests" className="text-xl font-semibold">
            {t("companyRequests.doneTitle")}
          </h2>
          <ul className="mt-3 space-y-3">
            {done.map((r) => (
              <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <p className="font-semibold break-words">{r.subject}</p>
                  <Badge tone={REQUEST_TONES[r.status]}>{t(`status.${r.status}`)}</Badge>
                </div>
                <p className="text-sm text-slate-700">
                  {t(`kinds.${r.kind}`)} · {t("companyRequests.askedBy", { name: r.askedByName, date: formatDate(r.askedAt, lng) })}
                </p>
                {r.answer ? <p className="mt-2 whitespace-pre-line break-words">{r.answer}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
