// Shared frame of every e-mail: language, preview line, the foundation's name and the footer.
// Styles are inline: many mail clients drop <style> blocks.
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import { mailT, type MailLocale } from "../i18n";

const brand = "#174c94";

export const styles = {
  body: { backgroundColor: "#f8fafc", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", border: "1px solid #e2e8f0", borderRadius: "8px", margin: "0 auto", maxWidth: "560px", padding: "32px" },
  brand: { color: brand, fontSize: "14px", fontWeight: 700, margin: "0 0 24px" },
  heading: { color: "#0f172a", fontSize: "24px", fontWeight: 700, lineHeight: "32px", margin: "0 0 16px" },
  text: { color: "#334155", fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  small: { color: "#64748b", fontSize: "13px", lineHeight: "20px", margin: "0 0 8px" },
  button: { backgroundColor: brand, borderRadius: "6px", color: "#ffffff", fontSize: "16px", fontWeight: 600, padding: "12px 20px", textDecoration: "none" },
  code: { backgroundColor: "#eef6ff", borderRadius: "6px", color: "#0f172a", fontFamily: "ui-monospace, Menlo, Consolas, monospace", fontSize: "28px", fontWeight: 700, letterSpacing: "6px", margin: "0 0 16px", padding: "12px 16px", textAlign: "center" },
  link: { color: brand, wordBreak: "break-all" },
  hr: { borderColor: "#e2e8f0", margin: "24px 0" },
} satisfies Record<string, CSSProperties>;

export function Layout({ locale, preview, children }: { locale: MailLocale; preview: string; children: ReactNode }) {
  const t = mailT(locale);
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{t("mail:message.frame.foundationName")}</Text>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.small}>{t("mail:message.frame.footer")}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** The main action: a button, and the same address as text for clients that break buttons. */
export function ActionButton({ href, label, locale }: { href: string; label: string; locale: MailLocale }) {
  return (
    <>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button href={href} style={styles.button}>
          {label}
        </Button>
      </Section>
      <Text style={styles.small}>{mailT(locale)("mail:message.frame.linkFallback")}</Text>
      <Text style={styles.small}>
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}
