// The design catalogue's sections (/ontwerp) that show components with sample data only; the
// sections that need the page's loader or action (forms, upload, table) stay in the route.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AFTER_SWITCH, BEFORE_SWITCH, CHART_SAMPLE, COLOURS } from "~/components/design/samples";
import { Alert } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Chart } from "~/components/ui/chart";
import { ConfirmDialog, Dialog } from "~/components/ui/dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { LoadingText } from "~/components/ui/loading";
import { Card } from "~/components/ui/page";
import { Stat, StatGroup } from "~/components/ui/stat";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatTime } from "~/utils/format";

export function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
      <Card>
        <h2 id={`${id}-title`} className="text-xl font-semibold text-slate-900">
          {title}
        </h2>
        {intro ? <p className="mt-1 max-w-prose text-slate-700">{intro}</p> : null}
        <div className="mt-5">{children}</div>
      </Card>
    </section>
  );
}

/** WCAG contrast of a colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

function Swatch({ name, hex, use }: (typeof COLOURS)[number]) {
  const { t, i18n } = useTranslation("design");
  const ratio = contrastOnWhite(hex);
  const ratioText = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(ratio);
  return (
    <li className="flex items-center gap-3">
      <span aria-hidden className="size-12 shrink-0 rounded-lg border border-slate-300" style={{ backgroundColor: hex }} />
      <span className="min-w-0 text-sm">
        <span className="block font-semibold">
          {name} <code className="font-normal text-slate-700">{hex}</code>
        </span>
        <span className="block text-slate-700">{t(`colours.use.${use}`)}</span>
        <span className="block text-slate-700">{t("colours.contrast", { ratio: ratioText })}</span>
      </span>
    </li>
  );
}

export function ColoursSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="kleuren" title={t("sections.kleuren.title")} intro={t("sections.kleuren.intro")}>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {COLOURS.map((c) => (
          <Swatch key={c.name} {...c} />
        ))}
      </ul>
      <p className="mt-5 text-slate-700">{t("colours.focus")}</p>
      <p className="mt-3">
        <a href="#kleuren" className={buttonClass("secondary")}>
          {t("colours.focusExample")}
        </a>
      </p>
    </Section>
  );
}

export function ButtonsSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="knoppen" title={t("sections.knoppen.title")} intro={t("sections.knoppen.intro")}>
      <div className="flex flex-wrap gap-3">
        <Button type="button">{t("buttons.primary")}</Button>
        <Button type="button" variant="secondary">
          {t("buttons.secondary")}
        </Button>
        <Button type="button" variant="danger">
          {t("buttons.danger")}
        </Button>
        <Button type="button" variant="ghost">
          {t("buttons.ghost")}
        </Button>
        <Button type="button" disabled>
          {t("buttons.disabled")}
        </Button>
        <Button type="button" pending>
          {t("buttons.pending")}
        </Button>
        <Link to="#knoppen" className={buttonClass("secondary")}>
          {t("buttons.link")}
        </Link>
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("buttons.note")}</p>
    </Section>
  );
}

export function FormatsSection() {
  const { t, i18n } = useTranslation("design");
  const lang = i18n.language;
  return (
    <Section id="opmaak" title={t("sections.opmaak.title")} intro={t("sections.opmaak.intro")}>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {[
          [t("format.dateLong"), formatDate(BEFORE_SWITCH, lang)],
          [t("format.dateShort"), formatDate(BEFORE_SWITCH, lang, "short")],
          [t("format.dateWeekday"), formatDate(BEFORE_SWITCH, lang, "weekday")],
          [t("format.beforeSwitch"), formatDateTime(BEFORE_SWITCH, lang)],
          [t("format.afterSwitch"), formatDateTime(AFTER_SWITCH, lang)],
          [t("format.time"), formatTime(AFTER_SWITCH, lang)],
          [t("format.money"), formatMoney(123456, lang)],
          [t("format.moneyNegative"), formatMoney(-2500, lang)],
          [t("format.number"), formatNumber(1234567, lang)],
        ].map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm font-semibold text-slate-700 sm:text-base sm:font-normal">{label}</dt>
            <dd className="-mt-2 tabular-nums sm:mt-0">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-slate-700">{t("format.note")}</p>
    </Section>
  );
}

export function StatusesSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="statussen" title={t("sections.statussen.title")} intro={t("sections.statussen.intro")}>
      <ul className="flex flex-wrap gap-2">
        <li>
          <Badge tone="success">{t("status.paid")}</Badge>
        </li>
        <li>
          <Badge tone="info">{t("status.open")}</Badge>
        </li>
        <li>
          <Badge tone="warning">{t("status.waiting")}</Badge>
        </li>
        <li>
          <Badge tone="danger">{t("status.late")}</Badge>
        </li>
        <li>
          <Badge>{t("status.draft")}</Badge>
        </li>
      </ul>
    </Section>
  );
}

export function FiguresSection() {
  const { t, i18n } = useTranslation("design");
  const lang = i18n.language;
  return (
    <Section id="cijfers" title={t("sections.cijfers.title")} intro={t("sections.cijfers.intro")}>
      <StatGroup>
        <Stat label={t("stats.companies")} value={formatNumber(54, lang)} hint={t("stats.companiesHint")} />
        <Stat label={t("stats.teams")} value={formatNumber(37, lang)} />
        <Stat label={t("stats.contributions")} value={formatMoney(2_712_500, lang)} />
        <Stat label={t("stats.meetings")} value={formatNumber(2, lang)} hint={t("stats.meetingsHint")} />
      </StatGroup>
    </Section>
  );
}

export function ChartSection() {
  const { t, i18n } = useTranslation("design");
  const lang = i18n.language;
  return (
    <Section id="grafiek" title={t("sections.grafiek.title")} intro={t("sections.grafiek.intro")}>
      <Chart
        caption={t("chart.caption")}
        description={t("chart.description")}
        data={CHART_SAMPLE}
        xKey="year"
        xLabel={t("chart.year")}
        series={[
          { key: "companies", label: t("chart.companies"), format: (v) => formatNumber(v, lang) },
          { key: "paidCents", label: t("chart.paid"), type: "line", axis: "right", format: (v) => formatMoney(v, lang) },
        ]}
      />
    </Section>
  );
}

export function AlertsSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="meldingen" title={t("sections.meldingen.title")} intro={t("sections.meldingen.intro")}>
      <div className="space-y-3">
        <Alert tone="info" title={t("alerts.infoTitle")}>
          {t("alerts.info")}
        </Alert>
        <Alert tone="success">{t("alerts.success")}</Alert>
        <Alert tone="warning" title={t("alerts.warningTitle")}>
          {t("alerts.warning")}
        </Alert>
        {/* An error Alert is role="alert" and interrupts; on a showcase page that would shout on load. */}
        <div className="rounded-lg border-l-4 border-red-700 bg-red-50 p-4 text-slate-900">
          <p className="font-semibold">{t("alerts.errorTitle")}</p>
          <p className="mt-1">{t("alerts.error")}</p>
        </div>
      </div>
    </Section>
  );
}

export function EmptySection() {
  const { t } = useTranslation("design");
  return (
    <Section id="leeg" title={t("sections.leeg.title")} intro={t("sections.leeg.intro")}>
      <EmptyState headingLevel={3} title={t("empty.title")} text={t("empty.text")} action={{ to: "#formulieren", label: t("empty.action") }} />
    </Section>
  );
}

export function DialogsSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="dialogen" title={t("sections.dialogen.title")} intro={t("sections.dialogen.intro")}>
      <div className="flex flex-wrap items-start gap-3">
        <Dialog
          title={t("dialog.infoTitle")}
          triggerLabel={t("dialog.infoTrigger")}
          footer={(close, inline) =>
            inline ? null : (
              <Button type="button" onClick={close} data-autofocus>
                {t("dialog.understood")}
              </Button>
            )
          }
        >
          <p>{t("dialog.infoText")}</p>
        </Dialog>
        <ConfirmDialog
          title={t("dialog.confirmTitle")}
          triggerLabel={t("dialog.confirmTrigger")}
          confirmLabel={t("dialog.confirmButton")}
          fields={{ intent: "delete", id: "demo" }}
          preventScrollReset
        >
          <p>{t("dialog.confirmText")}</p>
        </ConfirmDialog>
      </div>
      <p className="mt-4 text-sm text-slate-700">{t("dialog.note")}</p>
    </Section>
  );
}

export function ToastsSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="toasts" title={t("sections.toasts.title")} intro={t("sections.toasts.intro")}>
      <Form method="post" preventScrollReset className="flex flex-wrap gap-3">
        <input type="hidden" name="intent" value="toast" />
        <Button name="tone" value="success">
          {t("toast.showSuccess")}
        </Button>
        <Button name="tone" value="info" variant="secondary">
          {t("toast.showInfo")}
        </Button>
        <Button name="tone" value="error" variant="secondary">
          {t("toast.showError")}
        </Button>
      </Form>
    </Section>
  );
}

export function LoadingSection() {
  const { t } = useTranslation("design");
  return (
    <Section id="laden" title={t("sections.laden.title")} intro={t("sections.laden.intro")}>
      <div className="space-y-4">
        <div aria-hidden className="h-1 w-full overflow-hidden rounded bg-slate-200">
          <div className="h-full w-2/3 bg-brand-700" />
        </div>
        <LoadingText>{t("loading.text")}</LoadingText>
        <p>
          <Link to="?traag=1#laden" preventScrollReset className={buttonClass("secondary")}>
            {t("loading.slowLink")}
          </Link>
        </p>
      </div>
    </Section>
  );
}
