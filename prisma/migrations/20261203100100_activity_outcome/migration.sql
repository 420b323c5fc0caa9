-- AlterTable
ALTER TABLE "Activity" ADD COLUMN "outcome" VARCHAR(500);
