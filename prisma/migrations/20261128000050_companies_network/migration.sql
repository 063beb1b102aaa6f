-- CreateEnum
CREATE TYPE "CompanyStatus" AS ENUM ('APPLIED', 'APPROVED', 'ACTIVE', 'GRACE', 'ENDED', 'REJECTED');

-- CreateEnum
CREATE TYPE "VatMode" AS ENUM ('EXEMPT', 'RATE');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('OPEN', 'PAID', 'WAIVED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('INTERNSHIP', 'VISIT', 'CASE', 'SPONSORING', 'JURY', 'MEETING', 'OTHER');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('OPEN', 'YES', 'NO', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "appliedAt" TIMESTAMP(3),
ADD COLUMN     "billingEmail" TEXT,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "description" TEXT,
ADD COLUMN     "invoiceAddress" TEXT,
ADD COLUMN     "invoiceAttention" TEXT,
ADD COLUMN     "invoiceCity" TEXT,
ADD COLUMN     "invoicePostcode" TEXT,
ADD COLUMN     "logoFileId" TEXT,
ADD COLUMN     "poNumber" TEXT,
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "status" "CompanyStatus" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "statusChangedAt" TIMESTAMP(3),
ADD COLUMN     "tierId" TEXT,
ADD COLUMN     "vatNumber" TEXT;

-- CreateTable
CREATE TABLE "CompanyContact" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "jobTitle" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "CompanyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyStatusChange" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "fromStatus" "CompanyStatus",
    "toStatus" "CompanyStatus" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT,
    "reason" TEXT,

    CONSTRAINT "CompanyStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributionTier" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "benefits" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributionTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolYear" (
    "id" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "startsOn" TIMESTAMP(3) NOT NULL,
    "endsOn" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FoundationSettings" (
    "id" TEXT NOT NULL DEFAULT 'foundation',
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postcode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "kvkNumber" TEXT NOT NULL,
    "vatNumber" TEXT,
    "vatExemptionReason" TEXT,
    "iban" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "contributionVatMode" "VatMode" NOT NULL DEFAULT 'EXEMPT',
    "contributionVatRateBp" INTEGER NOT NULL DEFAULT 0,
    "graceMonths" INTEGER NOT NULL DEFAULT 3,
    "paymentTermDays" INTEGER NOT NULL DEFAULT 30,
    "invoiceMonth" INTEGER NOT NULL DEFAULT 9,
    "invoiceDay" INTEGER NOT NULL DEFAULT 1,
    "reminderDays" INTEGER[] DEFAULT ARRAY[30, 60]::INTEGER[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FoundationSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "schoolYearId" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'CONTRIBUTION',
    "status" "InvoiceStatus" NOT NULL DEFAULT 'OPEN',
    "description" TEXT NOT NULL,
    "poNumber" TEXT,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "netCents" INTEGER NOT NULL,
    "vatMode" "VatMode" NOT NULL,
    "vatRateBp" INTEGER NOT NULL,
    "vatCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "seller" JSONB NOT NULL,
    "buyer" JSONB NOT NULL,
    "accessToken" TEXT NOT NULL,
    "paidAt" TIMESTAMP(3),
    "settledVia" TEXT,
    "transferDate" TIMESTAMP(3),
    "transferReference" TEXT,
    "waivedReason" TEXT,
    "settledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InvoiceReminder" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "toAddress" TEXT NOT NULL,

    CONSTRAINT "InvoiceReminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompanyRequest" (
    "id" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "askedById" TEXT,
    "askedByName" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,

    CONSTRAINT "CompanyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompanyContact_companyId_idx" ON "CompanyContact"("companyId");

-- CreateIndex
CREATE INDEX "CompanyContact_email_idx" ON "CompanyContact"("email");

-- CreateIndex
CREATE INDEX "CompanyStatusChange_companyId_at_idx" ON "CompanyStatusChange"("companyId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ContributionTier_name_key" ON "ContributionTier"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolYear_startYear_key" ON "SchoolYear"("startYear");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_accessToken_key" ON "Invoice"("accessToken");

-- CreateIndex
CREATE INDEX "Invoice_status_idx" ON "Invoice"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_companyId_schoolYearId_kind_key" ON "Invoice"("companyId", "schoolYearId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "InvoiceReminder_invoiceId_step_key" ON "InvoiceReminder"("invoiceId", "step");

-- CreateIndex
CREATE INDEX "CompanyRequest_companyId_askedAt_idx" ON "CompanyRequest"("companyId", "askedAt");

-- CreateIndex
CREATE INDEX "Company_status_idx" ON "Company"("status");

-- AddForeignKey
ALTER TABLE "Company" ADD CONSTRAINT "Company_tierId_fkey" FOREIGN KEY ("tierId") REFERENCES "ContributionTier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyContact" ADD CONSTRAINT "CompanyContact_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyContact" ADD CONSTRAINT "CompanyContact_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyStatusChange" ADD CONSTRAINT "CompanyStatusChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyStatusChange" ADD CONSTRAINT "CompanyStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_schoolYearId_fkey" FOREIGN KEY ("schoolYearId") REFERENCES "SchoolYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceReminder" ADD CONSTRAINT "InvoiceReminder_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRequest" ADD CONSTRAINT "CompanyRequest_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRequest" ADD CONSTRAINT "CompanyRequest_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRequest" ADD CONSTRAINT "CompanyRequest_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
