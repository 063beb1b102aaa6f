// What the invoice pages' forms and URLs may hold (shared by server and browser: no server code).
import { z } from "zod";
import { CHECKOUT_SESSION_ID } from "~/modules/payments/checkout";
import { idSchema } from "~/utils/input";

/** Invoice ids are cuids; access tokens are base64url. Checked before any query. */
export const INVOICE_ID = /^[a-z0-9]{20,40}$/;
export const ACCESS_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export const PAY_METHODS = ["card-ideal", "sepa"] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

/** The invoice page's action: start paying, converge with Stripe after the return from checkout, or (board) refund a double payment. */
export const invoicePageActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("pay"), method: z.enum(PAY_METHODS) }),
  z.object({ intent: z.literal("sync"), sessionId: z.string().regex(CHECKOUT_SESSION_ID) }),
  // The board only: refund a payment the invoice did not need (paid twice).
  z.object({ intent: z.literal("refund"), paymentId: idSchema("invoices:errors.invalid") }),
]);
