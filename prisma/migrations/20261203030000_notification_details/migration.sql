-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "details" JSONB;
