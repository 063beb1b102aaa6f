-- CreateEnum
CREATE TYPE "NoValidRunRule" AS ENUM ('LAST_PLACE', 'NO_POINTS');

-- CreateEnum
CREATE TYPE "CombinedTieBreak" AS ENUM ('SHARED', 'RACE', 'JURY');

-- CreateEnum
CREATE TYPE "HeatStatus" AS ENUM ('PLANNED', 'RUNNING', 'DONE');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('FINISHED', 'DNF', 'DSQ');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'OFFICIAL';

-- CreateTable
CREATE TABLE "RaceSettings" (
    "editionId" TEXT NOT NULL,
    "pointsTable" INTEGER[] DEFAULT ARRAY[10, 8, 6, 5, 4, 3, 2, 1]::INTEGER[],
    "noValidRun" "NoValidRunRule" NOT NULL DEFAULT 'LAST_PLACE',
    "combinedTieBreak" "CombinedTieBreak" NOT NULL DEFAULT 'SHARED',
    "weightsPublishedAt" TIMESTAMP(3),
    "weightsPublishedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RaceSettings_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "RaceHeat" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "status" "HeatStatus" NOT NULL DEFAULT 'PLANNED',
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RaceHeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RaceRun" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "heatId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'FINISHED',
    "timeMs" INTEGER,
    "statusReason" TEXT NOT NULL DEFAULT '',
    "clientId" TEXT NOT NULL,
    "enteredById" TEXT,
    "enteredAt" TIMESTAMP(3) NOT NULL,
    "correctedById" TEXT,
    "correctedAt" TIMESTAMP(3),
    "undoneById" TEXT,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "RaceRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RacePenalty" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "seconds" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "RacePenalty_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RaceHeat_editionId_idx" ON "RaceHeat"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "RaceHeat_categoryId_number_key" ON "RaceHeat"("categoryId", "number");

-- CreateIndex
CREATE INDEX "RaceRun_heatId_idx" ON "RaceRun"("heatId");

-- CreateIndex
CREATE INDEX "RaceRun_teamId_idx" ON "RaceRun"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "RaceRun_editionId_clientId_key" ON "RaceRun"("editionId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "RacePenalty_runId_position_key" ON "RacePenalty"("runId", "position");

-- AddForeignKey
ALTER TABLE "RaceSettings" ADD CONSTRAINT "RaceSettings_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaceHeat" ADD CONSTRAINT "RaceHeat_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaceHeat" ADD CONSTRAINT "RaceHeat_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "EditionCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaceRun" ADD CONSTRAINT "RaceRun_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaceRun" ADD CONSTRAINT "RaceRun_heatId_fkey" FOREIGN KEY ("heatId") REFERENCES "RaceHeat"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RaceRun" ADD CONSTRAINT "RaceRun_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RacePenalty" ADD CONSTRAINT "RacePenalty_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RaceRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
