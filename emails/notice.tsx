// A notice about something that happened (an application received, an invoice, a reminder …).
// The caller writes the texts in the recipient's language from the app's translations
// (namespace by capability, e.g. `companies:mail.approved.*`), so one template serves every
// capability; the frame, the button and the facts table look the same in every mail.
import { Column, Heading, Row, Section, Text } from "@react-email/components";
import { ActionButton, Layout, styles } from "./components/layout";
import type { MailLocale } from "./i18n";

export type NoticeMailProps = {
  subject: string;
  preview: string;
  heading: string;
  paragraphs: string[];
  /** Label/value lines, e.g. invoice number, amount, due date. */
  facts?: { label: string; value: string }[];
  button?: { label: string; url: string };
  /** Paragraphs after the button (what to do if something is wrong …). */
  closing?: string[];
};

export function noticeSubject(props: NoticeMailProps): string {
  return props.subject;
}

export default function NoticeEmail({
  preview = "Uw aanmelding is ontvangen.",
  heading = "Bedankt voor uw aanmelding",
  paragraphs = ["Het bestuur bekijkt uw aanmelding en laat u binnen twee weken weten of uw bedrijf kan aansluiten."],
  facts = [{ label: "Bedrijf", value: "Van der Linden Installatietechniek B.V." }],
  button,
  closing = [],
  locale = "nl",
}: Partial<NoticeMailProps> & { locale?: MailLocale }) {
  return (
    <Layout locale={locale} preview={preview}>
      <Heading as="h1" style={styles.heading}>
        {heading}
      </Heading>
      {paragraphs.map((p) => (
        <Text key={p} style={styles.text}>
          {p}
        </Text>
      ))}
      {facts.length ? (
        <Section style={{ margin: "0 0 16px" }}>
          {facts.map((f) => (
            <Row key={f.label}>
              <Column style={{ ...styles.small, width: "40%", verticalAlign: "top" }}>{f.label}</Column>
              <Column style={{ ...styles.text, margin: "0 0 8px", fontWeight: 600 }}>{f.value}</Column>
            </Row>
          ))}
        </Section>
      ) : null}
      {button ? <ActionButton href={button.url} label={button.label} locale={locale} /> : null}
      {closing.map((p) => (
        <Text key={p} style={styles.text}>
          {p}
        </Text>
      ))}
    </Layout>
  );
}

NoticeEmail.PreviewProps = {
  subject: "Aanmelding ontvangen",
  preview: "Uw aanmelding is ontvangen.",
  heading: "Bedankt voor uw aanmelding",
  paragraphs: ["Het bestuur bekijkt uw aanmelding en laat u binnen twee weken weten of uw bedrijf kan aansluiten."],
  facts: [{ label: "Bedrijf", value: "Van der Linden Installatietechniek B.V." }],
  button: { label: "Naar het portaal", url: "http://localhost:3000/" },
  locale: "nl",
} satisfies NoticeMailProps & { locale: MailLocale };
