// Invitation into a role (company contact, teacher, juror, board member …).
import { Heading, Text } from "@react-email/components";
import { ActionButton, Layout, styles } from "./components/layout";
import { mailTexts, type MailLocale } from "./i18n";

export type InvitationMailProps = {
  inviterName: string;
  /** Already in the mail's language, e.g. "contactpersoon" / "contact person". */
  roleLabel: string;
  organisationName?: string;
  acceptUrl: string;
};

export function invitationSubject(props: InvitationMailProps, locale: MailLocale): string {
  return mailTexts(locale).invitation.subject(props);
}

export default function InvitationEmail({
  inviterName = "Marieke de Vries",
  roleLabel = "contactpersoon",
  organisationName = "Technisch Installatiebedrijf Maasdal B.V.",
  acceptUrl = "http://localhost:3000/invitation/preview-token",
  locale = "nl",
}: Partial<InvitationMailProps> & { locale?: MailLocale }) {
  const t = mailTexts(locale).invitation;
  return (
    <Layout locale={locale} preview={t.preview(inviterName)}>
      <Heading as="h1" style={styles.heading}>
        {t.heading}
      </Heading>
      <Text style={styles.text}>{t.intro({ inviterName, roleLabel, organisationName })}</Text>
      <Text style={styles.text}>{t.how}</Text>
      <ActionButton href={acceptUrl} label={t.button} locale={locale} />
      <Text style={styles.text}>{t.ignore}</Text>
    </Layout>
  );
}

InvitationEmail.PreviewProps = {
  inviterName: "Marieke de Vries",
  roleLabel: "contactpersoon",
  organisationName: "Technisch Installatiebedrijf Maasdal B.V.",
  acceptUrl: "http://localhost:3000/invitation/preview-token",
  locale: "nl",
} satisfies InvitationMailProps & { locale: MailLocale };
