// Invitation into a role (company contact, teacher, juror, board member …).
import { Heading, Text } from "@react-email/components";
import { ActionButton, Layout, styles } from "./components/layout";
import { mailT, type MailLocale } from "./i18n";

export type InvitationMailProps = {
  inviterName: string;
  /** Already in the mail's language, e.g. "contactpersoon" / "contact person". */
  roleLabel: string;
  organisationName?: string;
  acceptUrl: string;
};

export function invitationSubject(props: InvitationMailProps, locale: MailLocale): string {
  const { inviterName, roleLabel, organisationName } = props;
  const t = mailT(locale);
  return organisationName
    ? t("mail:message.invitation.subjectOrganisation", { inviterName, roleLabel, organisationName })
    : t("mail:message.invitation.subject", { inviterName, roleLabel });
}

export default function InvitationEmail({
  inviterName = "Marieke de Vries",
  roleLabel = "contactpersoon",
  organisationName = "Technisch Installatiebedrijf Maasdal B.V.",
  acceptUrl = "http://localhost:3000/invitation/preview-token",
  locale = "nl",
}: Partial<InvitationMailProps> & { locale?: MailLocale }) {
  const t = mailT(locale);
  return (
    <Layout locale={locale} preview={t("mail:message.invitation.preview", { inviterName })}>
      <Heading as="h1" style={styles.heading}>
        {t("mail:message.invitation.heading")}
      </Heading>
      <Text style={styles.text}>{organisationName
          ? t("mail:message.invitation.introOrganisation", { inviterName, roleLabel, organisationName })
          : t("mail:message.invitation.intro", { inviterName, roleLabel })}</Text>
      <Text style={styles.text}>{t("mail:message.invitation.how")}</Text>
      <ActionButton href={acceptUrl} label={t("mail:message.invitation.button")} locale={locale} />
      <Text style={styles.text}>{t("mail:message.invitation.ignore")}</Text>
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
