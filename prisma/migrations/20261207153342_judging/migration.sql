/*
  Warnings:

  - A unique constraint covering the columns `[userId,role,companyId,schoolId,editionId]` on the table `RoleAssignment` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "JudgingAggregation" AS ENUM ('MEAN', 'MEDIAN');

-- CreateEnum
CREATE TYPE "AssignmentMode" AS ENUM ('MANUAL', 'AUTOMATIC', 'WHOLE_PANEL');

-- CreateEnum
CREATE TYPE "ResultsScope" AS ENUM ('FULL_RANKING', 'PRIZES_ONLY');

-- CreateEnum
CREATE TYPE "TieBreakKind" AS ENUM ('CRITERION', 'JURY_MAJORITY', 'SHARED');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('CHILD_IN_TEAM', 'FORMER_PUPIL', 'OTHER');

-- CreateEnum
CREATE TYPE "AssignmentSource" AS ENUM ('MANUAL', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "ScoreSheetStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- DropIndex
DROP INDEX "RoleAssignment_userId_role_companyId_schoolId_key";

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "editionId" TEXT;

-- AlterTable
ALTER TABLE "RoleAssignment" ADD COLUMN     "editionId" TEXT;

-- CreateTable
CREATE TABLE "ScoringForm" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "categoryId" TEXT,
    "scopeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringCriterion" (
    "id" TEXT NOT NULL,
    "formId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoringCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringLevel" (
    "id" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ScoringLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgingSettings" (
    "editionId" TEXT NOT NULL,
    "aggregation" "JudgingAggregation" NOT NULL DEFAULT 'MEAN',
    "normalize" BOOLEAN NOT NULL DEFAULT false,
    "minJurorsPerEntry" INTEGER NOT NULL DEFAULT 3,
    "assignmentMode" "AssignmentMode" NOT NULL DEFAULT 'MANUAL',
    "prizePlaces" INTEGER NOT NULL DEFAULT 3,
    "juryWeightPercent" INTEGER NOT NULL DEFAULT 100,
    "tieBreaksPublishedAt" TIMESTAMP(3),
    "resultsScope" "ResultsScope" NOT NULL DEFAULT 'FULL_RANKING',
    "tipsScreenedAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JudgingSettings_pkey" PRIMARY KEY ("editionId")
);

-- CreateTable
CREATE TABLE "JudgingTieBreak" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "TieBreakKind" NOT NULL,
    "criterionId" TEXT,

    CONSTRAINT "JudgingTieBreak_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JudgingAward" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "categoryId" TEXT,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "teamId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JudgingAward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryMember" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "userId" TEXT,
    "invitationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "removedAt" TIMESTAMP(3),
    "removedById" TEXT,

    CONSTRAINT "JuryMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JurorConflict" (
    "id" TEXT NOT NULL,
    "juryMemberId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JurorConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryAssignment" (
    "id" TEXT NOT NULL,
    "juryMemberId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "source" "AssignmentSource" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,

    CONSTRAINT "JuryAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheet" (
    "id" TEXT NOT NULL,
    "juryMemberId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "status" "ScoreSheetStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "top" TEXT NOT NULL DEFAULT '',
    "tip" TEXT NOT NULL DEFAULT '',
    "tipHidden" BOOLEAN NOT NULL DEFAULT false,
    "overriddenAt" TIMESTAMP(3),
    "overriddenById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScoreSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreSheetLevel" (
    "sheetId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "ScoreSheetLevel_pkey" PRIMARY KEY ("sheetId","criterionId")
);

-- CreateTable
CREATE TABLE "JudgingOverride" (
    "id" TEXT NOT NULL,
    "editionId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "formId" TEXT,
    "scoreSheetId" TEXT,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JudgingOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoringForm_editionId_scopeKey_key" ON "ScoringForm"("editionId", "scopeKey");

-- CreateIndex
CREATE INDEX "ScoringCriterion_formId_position_idx" ON "ScoringCriterion"("formId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringLevel_criterionId_value_key" ON "ScoringLevel"("criterionId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "JudgingTieBreak_editionId_position_key" ON "JudgingTieBreak"("editionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "JudgingAward_editionId_name_key" ON "JudgingAward"("editionId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "JuryMember_invitationId_key" ON "JuryMember"("invitationId");

-- CreateIndex
CREATE INDEX "JuryMember_editionId_idx" ON "JuryMember"("editionId");

-- CreateIndex
CREATE INDEX "JuryMember_userId_idx" ON "JuryMember"("userId");

-- CreateIndex
CREATE INDEX "JuryMember_email_idx" ON "JuryMember"("email");

-- CreateIndex
CREATE UNIQUE INDEX "JurorConflict_juryMemberId_teamId_key" ON "JurorConflict"("juryMemberId", "teamId");

-- CreateIndex
CREATE INDEX "JuryAssignment_teamId_idx" ON "JuryAssignment"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryAssignment_juryMemberId_teamId_key" ON "JuryAssignment"("juryMemberId", "teamId");

-- CreateIndex
CREATE INDEX "ScoreSheet_teamId_idx" ON "ScoreSheet"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoreSheet_juryMemberId_teamId_key" ON "ScoreSheet"("juryMemberId", "teamId");

-- CreateIndex
CREATE INDEX "JudgingOverride_editionId_at_idx" ON "JudgingOverride"("editionId", "at");

-- CreateIndex
CREATE INDEX "RoleAssignment_editionId_idx" ON "RoleAssignment"("editionId");

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_companyId_schoolId_editionId_key" ON "RoleAssignment"("userId", "role", "companyId", "schoolId", "editionId");

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringForm" ADD CONSTRAINT "ScoringForm_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringForm" ADD CONSTRAINT "ScoringForm_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "EditionCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringCriterion" ADD CONSTRAINT "ScoringCriterion_formId_fkey" FOREIGN KEY ("formId") REFERENCES "ScoringForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringLevel" ADD CONSTRAINT "ScoringLevel_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingSettings" ADD CONSTRAINT "JudgingSettings_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingTieBreak" ADD CONSTRAINT "JudgingTieBreak_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingAward" ADD CONSTRAINT "JudgingAward_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingAward" ADD CONSTRAINT "JudgingAward_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "EditionCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingAward" ADD CONSTRAINT "JudgingAward_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_invitationId_fkey" FOREIGN KEY ("invitationId") REFERENCES "Invitation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JurorConflict" ADD CONSTRAINT "JurorConflict_juryMemberId_fkey" FOREIGN KEY ("juryMemberId") REFERENCES "JuryMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JurorConflict" ADD CONSTRAINT "JurorConflict_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAssignment" ADD CONSTRAINT "JuryAssignment_juryMemberId_fkey" FOREIGN KEY ("juryMemberId") REFERENCES "JuryMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryAssignment" ADD CONSTRAINT "JuryAssignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_juryMemberId_fkey" FOREIGN KEY ("juryMemberId") REFERENCES "JuryMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheet" ADD CONSTRAINT "ScoreSheet_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheetLevel" ADD CONSTRAINT "ScoreSheetLevel_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "ScoreSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreSheetLevel" ADD CONSTRAINT "ScoreSheetLevel_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingOverride" ADD CONSTRAINT "JudgingOverride_editionId_fkey" FOREIGN KEY ("editionId") REFERENCES "Edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JudgingOverride" ADD CONSTRAINT "JudgingOverride_scoreSheetId_fkey" FOREIGN KEY ("scoreSheetId") REFERENCES "ScoreSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;
