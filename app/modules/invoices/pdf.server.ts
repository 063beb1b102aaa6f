// The invoice as a PDF (A4, pdf-lib with the standard Helvetica fonts), in the reader's language.
import { PDFDict, PDFDocument, PDFName, PDFString, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import type { Invoice } from "~/generated/prisma/client";
import { formatDate, formatMoney } from "~/utils/format";
import { i18next } from "~/utils/i18n.server";
import { formatVatRate, paymentTermOf } from "./invoice-math";
import { buyerOf, sellerOf } from "./invoices.server";

/** The standard fonts speak WinAnsi only: other characters become their nearest or "?". */
export function winAnsi(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u202F\u2009\u2007\u3000]/g, " ")
    .replace(/[\u2010-\u2012]/g, "-")
    .replace(/[\r\n\t]+/g, " ")
    .replace(/[^\x20-\x7E\u00A0-\u00FF\u20AC\u2013\u2014\u2018\u2019\u201A\u201C\u201D\u201E\u2020\u2021\u2022\u2026\u2030\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2039\u203A\u2122]/gu, "?");
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const GREY = rgb(0.35, 0.38, 0.42);

type Fonts = { regular: PDFFont; bold: PDFFont };

class Writer {
  y = A4[1] - MARGIN;
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {}
  text(value: string, options: { x?: number; size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; right?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const safe = winAnsi(value);
    const x = options.right !== undefined ? options.right - font.widthOfTextAtSize(safe, size) : (options.x ?? MARGIN);
    this.page.drawText(safe, { x, y: this.y, size, font, color: options.color ?? rgb(0.1, 0.1, 0.12) });
  }
  /** Wrapped text at x within width; moves down. */
  paragraph(value: string, options: { x?: number; width?: number; size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const width = options.width ?? A4[0] - 2 * MARGIN;
    let line = "";
    for (const word of winAnsi(value).split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width && line) {
        this.text(line, { ...options, size });
        this.down(size + 4);
        line = word;
      } else line = next;
    }
    if (line) {
      this.text(line, { ...options, size });
      this.down(size + 4);
    }
  }
  down(by: number) {
    this.y -= by;
  }
  rule() {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.7, color: GREY });
  }
}

export async function renderInvoicePdf(invoice: Invoice, lng: "nl" | "en"): Promise<Uint8Array> {
  const t = await i18next.getFixedT(lng, "invoices");
  const seller = sellerOf(invoice);
  const buyer = buyerOf(invoice);
  const money = (cents: number) => formatMoney(cents, lng);
  const date = (d: Date) => formatDate(d, lng);

  const pdf = await PDFDocument.create();
  pdf.setTitle(winAnsi(t("page.title", { number: invoice.number })));
  pdf.setAuthor(winAnsi(seller.name));
  pdf.setLanguage(lng === "en" ? "en-GB" : "nl-NL");
  pdf.setCreationDate(invoice.issuedAt);
  // Number and description also as plain text in the document info, so a search finds the file.
  pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict).set(PDFName.of("Subject"), PDFString.of(asciiLiteral(`${invoice.number} ${invoice.description}`)));
  const page = pdf.addPage(A4);
  const w = new Writer(page, { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) });
  const right = A4[0] - MARGIN;
  const half = MARGIN + 260;

  w.text(t("doc.heading"), { size: 22, bold: true });
  w.text(seller.name, { right, bold: true });
  w.down(14);
  w.text(seller.address, { right, color: GREY });
  w.down(12);
  w.text(`${seller.postcode} ${seller.city}`, { right, color: GREY });
  w.down(12);
  w.text(seller.email, { right, color: GREY });
  w.down(36);

  const top = w.y;
  w.text(t("doc.to"), { color: GREY, size: 9 });
  w.down(14);
  w.text(buyer.name, { bold: true });
  w.down(13);
  for (const line of [
    buyer.attention ? t("doc.attention", { name: buyer.attention }) : null,
    buyer.address,
    [buyer.postcode, buyer.city].filter(Boolean).join(" "),
    buyer.vatNumber ? `${t("doc.vatNumber")}: ${buyer.vatNumber}` : null,
  ]) {
    if (!line) continue;
    w.text(line);
    w.down(13);
  }
  const leftBottom = w.y;
  w.y = top;
  const facts: [string, string][] = [
    [t("doc.number"), invoice.number],
    [t("doc.issued"), date(invoice.issuedAt)],
    [t("doc.due"), date(invoice.dueAt)],
    [t("doc.period"), t("doc.periodValue", { from: date(invoice.periodStart), to: date(invoice.periodEnd) })],
    ...(invoice.poNumber ? ([[t("doc.po"), invoice.poNumber]] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) {
    w.text(label, { x: half, bold: true, size: 9 });
    w.text(value.slice(0, 60), { x: half + 95, size: 9 });
    w.down(13);
  }
  w.y = Math.min(leftBottom, w.y) - 24;

  w.text(t("doc.description"), { bold: true });
  w.text(t("doc.amount"), { right, bold: true });
  w.down(6);
  w.rule();
  w.down(14);
  w.text(invoice.description.slice(0, 90));
  w.text(money(invoice.netCents), { right });
  w.down(8);
  w.rule();
  w.down(16);
  const vatLabel = invoice.vatMode === "EXEMPT" ? t("doc.vatExempt") : t("doc.vat", { rate: formatVatRate(invoice.vatRateBp, lng) });
  for (const [label, value, bold] of [
    [t("doc.net"), money(invoice.netCents), false],
    [vatLabel, money(invoice.vatCents), false],
    [t("doc.total"), money(invoice.totalCents), true],
  ] as const) {
    w.text(label, { x: half, bold });
    w.text(value, { right, bold });
    w.down(15);
  }
  w.down(16);
  if (invoice.vatMode === "EXEMPT" && seller.vatExemptionReason) w.paragraph(seller.vatExemptionReason, { color: GREY, size: 9 });
  w.paragraph(t("doc.terms", { count: paymentTermOf(invoice), iban: seller.iban, name: seller.name, number: invoice.number, due: date(invoice.dueAt) }));
  if (invoice.status === "PAID" && invoice.paidAt) {
    w.down(6);
    w.paragraph(t("page.paidOn", { date: date(invoice.paidAt) }), { bold: true });
  } else if (invoice.status === "WAIVED") {
    w.down(6);
    w.paragraph(t("page.waivedTitle"), { bold: true });
  }

  w.y = MARGIN;
  w.rule();
  w.down(14);
  w.text([`${t("doc.kvk")}: ${seller.kvkNumber}`, seller.vatNumber ? `${t("doc.vatNumber")}: ${seller.vatNumber}` : null, `IBAN: ${seller.iban}`].filter(Boolean).join("  ·  "), {
    size: 8,
    color: GREY,
  });
  return pdf.save({ useObjectStreams: false });
}

/** Text for a PDF literal string: printable ASCII, with \\, ( and ) escaped. */
function asciiLiteral(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\x20-\x7E]/g, "")
    .replace(/[\\()]/g, (c) => `\\${c}`)
    .slice(0, 300);
}

/** The PDF as a download (never cached by shared caches: it is somebody's invoice). */
export async function invoicePdfResponse(invoice: Invoice, lng: "nl" | "en"): Promise<Response> {
  const bytes = await renderInvoicePdf(invoice, lng);
  const filename = `factuur-${invoice.number.replace(/[^0-9A-Za-z-]/g, "")}.pdf`;
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
