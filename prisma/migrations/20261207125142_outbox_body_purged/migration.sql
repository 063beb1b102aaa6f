-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "bodyPurgedAt" TIMESTAMP(3);
