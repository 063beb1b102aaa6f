// Input of the board's invoices page (client-safe: the route exports it as actionSchema).
import { z } from "zod";
import { parseDateInput } from "~/utils/format";
import { cleanString } from "~/utils/input";
import { INVOICE_ID } from "./invoice-schema";

// PostgreSQL text cannot hold NUL (and nobody types one): it is dropped before the checks.
const text = (max: number, message: string) =>
  z
    .string({ error: message })
    .transform(cleanString)
    .pipe(z.string({ error: message }).min(1, message).max(max, message));

const invoiceId = z.string().regex(INVOICE_ID);

/** The board's writes on one invoice: record a bank transfer, waive it, mail it again. */
export const BoardInvoiceActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("transfer"),
    invoiceId,
    date: z
      .string({ error: "invoices:errors.date" })
      .transform((value) => parseDateInput(cleanString(value)))
      .pipe(z.string({ error: "invoices:errors.date" })),
    reference: text(100, "invoices:errors.reference"),
  }),
  z.object({ intent: z.literal("waive"), invoiceId, reason: text(500, "invoices:errors.reason") }),
  z.object({ intent: z.literal("resend"), invoiceId }),
]);
export type BoardInvoiceAction = z.infer<typeof BoardInvoiceActionSchema>;
