-- CreateTable
CREATE TABLE "EditionSponsor" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "EditionSponsor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EditionSponsor_companyId_idx" ON "EditionSponsor"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "EditionSponsor_editionId_companyId_key" ON "EditionSponsor"("editionId", "companyId");

-- AddForeignKey
ALTER TABLE "EditionSponsor" ADD CONSTRAINT "EditionSponsor_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EditionSponsor" ADD CONSTRAINT "EditionSponsor_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;
