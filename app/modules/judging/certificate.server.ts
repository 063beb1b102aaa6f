// A team's certificate (oorkonde) after publication: a printable A4 PDF (pdf-lib, standard
// Helvetica) in the reader's language. The team name always; its place when the results scope
// shows it; its awards; the pupils' first names only for pupils with a standing consent to publish
// their name (consent.ts), otherwise none. Null before publication: the route answers 404.
import { PDFDict, PDFDocument, PDFName, PDFString, rgb, StandardFonts } from "pdf-lib";
import type { Language } from "~/i18n/config";
import { standingConsent, type ConsentRecord } from "~/modules/challenges/consent";
import { winAnsi } from "~/modules/invoices/pdf.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { getTeamResults } from "./publication.server";

type MemberRow = { firstName: string; anonymisedAt: Date | null; consents: Array<Omit<ConsentRecord, "at" | "withdrawnAt"> & { at: string; withdrawnAt: string | null }> };

/** What the certificate says; null before publication or for a team not in a published edition. Five queries. */
export async function getCertificate(team: { id: string; name: string; schoolName: string }) {
  const results = await getTeamResults(team.id);
  if (!results) return null;
  const members = await db.$queryRaw<MemberRow[]>`
    SELECT p."firstName", p."anonymisedAt",
           COALESCE((SELECT json_agg(json_build_object('givenBy', c."givenBy", 'publishName', c."publishName", 'publishPhotos', c."publishPhotos",
                                                       'textVersion', c."textVersion", 'at', c.at, 'withdrawnAt', c."withdrawnAt"))
                     FROM "Consent" c WHERE c."pupilId" = p.id), '[]'::json) AS consents
    FROM "TeamMember" m JOIN "Pupil" p ON p.id = m."pupilId"
    WHERE m."teamId" = ${team.id} ORDER BY m.position, m.id`;
  const at = now();
  // First names only, and only with a standing consent to publish the name.
  const pupils = members
    .filter((m) => !m.anonymisedAt && standingConsent(m.consents.map((c) => ({ ...c, at: new Date(c.at), withdrawnAt: c.withdrawnAt ? new Date(c.withdrawnAt) : null })), at)?.publishName)
    .map((m) => m.firstName);
  return { team: team.name, school: team.schoolName, pupils, ...results };
}

export type Certificate = NonNullable<Awaited<ReturnType<typeof getCertificate>>>;

const A4: [number, number] = [595.28, 841.89];
const INK = rgb(0.09, 0.3, 0.58);
const GREY = rgb(0.35, 0.38, 0.42);

export async function renderCertificatePdf(c: Certificate, lng: Language): Promise<Uint8Array> {
  const t = await i18next.getFixedT(lng, "results");
  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(t("certificate.docTitle", { team: c.team, edition: c.edition })));
  pdf.setLanguage(lng === "en" ? "en-GB" : "nl-NL");
  // The team name also as plain text in the document info, so a search finds the file.
  const ascii = `${c.team} ${c.edition}`.normalize("NFKD").replace(/[^\x20-\x7E]/g, "").replace(/[()\\]/g, "");
  pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict).set(PDFName.of("Subject"), PDFString.of(ascii));
  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = A4[1] - 150;
  const centre = (text: string, size: number, font = regular, color = rgb(0.1, 0.1, 0.12)) => {
    const safe = winAnsi(text);
    let s = size;
    while (font.widthOfTextAtSize(safe, s) > A4[0] - 100 && s > 8) s -= 1;
    page.drawText(safe, { x: (A4[0] - font.widthOfTextAtSize(safe, s)) / 2, y, size: s, font, color });
    y -= s + 14;
  };
  page.drawRectangle({ x: 28, y: 28, width: A4[0] - 56, height: A4[1] - 56, borderColor: INK, borderWidth: 3 });
  centre(t("certificate.heading"), 40, bold, INK);
  y -= 20;
  centre(t("certificate.awardedTo"), 14, regular, GREY);
  centre(c.team, 30, bold);
  centre(c.school, 14, regular, GREY);
  if (c.pupils.length) centre(c.pupils.join(", "), 13);
  y -= 20;
  centre(t("certificate.forEdition", { edition: c.edition, category: c.category }), 14);
  y -= 10;
  if (c.place) centre(t(c.place.shared ? "certificate.placeShared" : "certificate.place", { place: c.place.place }), 22, bold, INK);
  for (const award of c.awards) centre(award.name, 18, bold, INK);
  if (!c.place && c.awards.length === 0) centre(t("certificate.participated"), 16);
  y = 120;
  centre(t("certificate.signed"), 11, regular, GREY);
  centre(formatDate(now(), lng), 11, regular, GREY);
  // Without object streams the document info stays plain text (a search finds the team name).
  return pdf.save({ useObjectStreams: false });
}

export async function certificatePdfResponse(c: Certificate, lng: Language): Promise<Response> {
  const bytes = await renderCertificatePdf(c, lng);
  const name = c.team.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase() || "team";
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="oorkonde-${name}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
