// Sign-in mail: a link to a confirmation page (whose button signs in, so mail scanners that open
// links do not) and a code for the browser that asked (people ask on a PC, read mail on a phone).
import { Heading, Text } from "@react-email/components";
import { ActionButton, Layout, styles } from "./components/layout";
import { mailT, type MailLocale } from "./i18n";

export type SignInMailProps = {
  email: string;
  code: string;
  confirmUrl: string;
  expiresInMinutes?: number;
};

export function signInSubject(_props: SignInMailProps, locale: MailLocale): string {
  return mailT(locale)("mail:message.signIn.subject");
}

export default function SignInEmail({
  email = "j.jansen@voorbeeldbedrijf.example",
  code = "483920",
  confirmUrl = "http://localhost:3000/login/confirm/preview-token",
  expiresInMinutes = 15,
  locale = "nl",
}: Partial<SignInMailProps> & { locale?: MailLocale }) {
  const t = mailT(locale);
  return (
    <Layout locale={locale} preview={t("mail:message.signIn.preview", { count: expiresInMinutes })}>
      <Heading as="h1" style={styles.heading}>
        {t("mail:message.signIn.heading")}
      </Heading>
      <Text style={styles.text}>{t("mail:message.signIn.intro", { email })}</Text>
      <Text style={styles.text}>{t("mail:message.signIn.linkIntro")}</Text>
      <ActionButton href={confirmUrl} label={t("mail:message.signIn.button")} locale={locale} />
      <Text style={styles.text}>{t("mail:message.signIn.codeIntro")}</Text>
      <Text style={styles.code}>{code}</Text>
      <Text style={styles.text}>{t("mail:message.signIn.expiry", { count: expiresInMinutes })}</Text>
      <Text style={styles.text}>{t("mail:message.signIn.ignore")}</Text>
    </Layout>
  );
}

SignInEmail.PreviewProps = {
  email: "j.jansen@voorbeeldbedrijf.example",
  code: "483920",
  confirmUrl: "http://localhost:3000/login/confirm/preview-token",
  expiresInMinutes: 15,
  locale: "nl",
} satisfies SignInMailProps & { locale: MailLocale };
