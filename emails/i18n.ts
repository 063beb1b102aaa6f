// The texts of every e-mail, in Dutch and English, kept beside the templates so `email dev` can
// preview them without the app. This file is their one source: templates and subjects read it.
// Mail goes to adults (company contacts, teachers, jurors, board), so it says "u" / "uw".

export const mailLocales = ["nl", "en"] as const;
export type MailLocale = (typeof mailLocales)[number];

export function isMailLocale(value: unknown): value is MailLocale {
  return typeof value === "string" && (mailLocales as readonly string[]).includes(value);
}

type InvitationText = { inviterName: string; roleLabel: string; organisationName?: string };

// "1 minuut" / "15 minuten": a count always comes with the right form of its noun.
const minutenNl = (n: number) => `${n} ${n === 1 ? "minuut" : "minuten"}`;
const minutesEn = (n: number) => `${n} ${n === 1 ? "minute" : "minutes"}`;

const nl = {
  foundationName: "Stichting Vrienden van het Maasdal College",
  footer: "Deze e-mail is automatisch verstuurd door het portaal van de stichting. Antwoorden op dit adres worden niet gelezen.",
  linkFallback: "Werkt de knop niet? Kopieer dan dit adres naar uw browser:",
  signIn: {
    subject: "Inloggen bij Vrienden van het Maasdal College",
    preview: (minutes: number) => `Uw inlogcode en link, ${minutenNl(minutes)} geldig.`,
    heading: "Inloggen",
    intro: (email: string) => `Er is gevraagd om in te loggen op het portaal met het e-mailadres ${email}.`,
    linkIntro:
      "Klik op de knop hieronder. Er opent een pagina met een knop ‘Inloggen’: pas als u op die knop klikt, bent u ingelogd.",
    button: "Open de inlogpagina",
    codeIntro: "Leest u deze e-mail op een ander apparaat? Typ dan deze code in het browservenster waarin u het inloggen aanvroeg:",
    expiry: (minutes: number) => `De link en de code verlopen na ${minutenNl(minutes)}.`,
    ignore: "Heeft u niet gevraagd om in te loggen? Dan kunt u deze e-mail negeren: er gebeurt niets en niemand kan zonder deze code of link inloggen.",
  },
  invitation: {
    subject: ({ inviterName, roleLabel, organisationName }: InvitationText) =>
      organisationName
        ? `${inviterName} nodigt u uit als ${roleLabel} van ${organisationName}`
        : `${inviterName} nodigt u uit als ${roleLabel}`,
    preview: (inviterName: string) => `${inviterName} nodigt u uit voor het portaal van de stichting.`,
    heading: "U bent uitgenodigd",
    intro: ({ inviterName, roleLabel, organisationName }: InvitationText) =>
      organisationName
        ? `${inviterName} nodigt u uit om als ${roleLabel} van ${organisationName} mee te doen in het portaal van Stichting Vrienden van het Maasdal College.`
        : `${inviterName} nodigt u uit om als ${roleLabel} mee te doen in het portaal van Stichting Vrienden van het Maasdal College.`,
    how: "Met de knop hieronder opent u de uitnodiging en neemt u haar aan. Daarna logt u in met uw e-mailadres; een wachtwoord heeft u niet nodig.",
    button: "Uitnodiging bekijken",
    ignore: "Kent u deze uitnodiging niet, of wilt u niet meedoen? Dan kunt u deze e-mail negeren.",
  },
};

export type MailTexts = typeof nl;

const en: MailTexts = {
  foundationName: "Vrienden van het Maasdal College Foundation",
  footer: "This e-mail was sent automatically by the foundation's portal. Replies to this address are not read.",
  linkFallback: "Button not working? Copy this address into your browser:",
  signIn: {
    subject: "Sign in to Vrienden van het Maasdal College",
    preview: (minutes: number) => `Your sign-in code and link, valid for ${minutesEn(minutes)}.`,
    heading: "Sign in",
    intro: (email: string) => `Someone asked to sign in to the portal with the e-mail address ${email}.`,
    linkIntro:
      "Click the button below. It opens a page with a ‘Sign in’ button: you are signed in only once you click that button.",
    button: "Open the sign-in page",
    codeIntro: "Reading this e-mail on another device? Then type this code in the browser window where you asked to sign in:",
    expiry: (minutes: number) => `The link and the code expire after ${minutesEn(minutes)}.`,
    ignore: "Did you not ask to sign in? Then you can ignore this e-mail: nothing happens, and no one can sign in without this code or link.",
  },
  invitation: {
    subject: ({ inviterName, roleLabel, organisationName }: InvitationText) =>
      organisationName
        ? `${inviterName} invites you as ${roleLabel} of ${organisationName}`
        : `${inviterName} invites you as ${roleLabel}`,
    preview: (inviterName: string) => `${inviterName} invites you to the foundation's portal.`,
    heading: "You are invited",
    intro: ({ inviterName, roleLabel, organisationName }: InvitationText) =>
      organisationName
        ? `${inviterName} invites you to join the portal of the Vrienden van het Maasdal College Foundation as ${roleLabel} of ${organisationName}.`
        : `${inviterName} invites you to join the portal of the Vrienden van het Maasdal College Foundation as ${roleLabel}.`,
    how: "The button below opens the invitation, where you accept it. After that you sign in with your e-mail address; you do not need a password.",
    button: "View the invitation",
    ignore: "Do you not recognise this invitation, or do you not want to join? Then you can ignore this e-mail.",
  },
};

const texts: Record<MailLocale, MailTexts> = { nl, en };

/** The texts for a locale; anything unknown falls back to Dutch. */
export function mailTexts(locale: unknown): MailTexts {
  return texts[isMailLocale(locale) ? locale : "nl"];
}
