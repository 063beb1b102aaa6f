-- AlterTable
ALTER TABLE "Invoice" ADD COLUMN     "settledPaymentId" TEXT;

-- Invoices paid online before this column existed: the earliest payment that received the money.
UPDATE "Invoice" AS i SET "settledPaymentId" = (
  SELECT p.id FROM "Payment" AS p
  WHERE p."purposeType" = 'invoice' AND p."purposeId" = i.id AND p.status IN ('PAID', 'REFUNDED')
  ORDER BY p."paidAt" ASC NULLS LAST, p."createdAt" ASC
  LIMIT 1
)
WHERE i."settledVia" = 'STRIPE';
