-- AlterTable: where "days without activity" count from, generated so that no writer can forget it
ALTER TABLE "Opportunity" ADD COLUMN "inactiveSince" TIMESTAMPTZ(3) NOT NULL GENERATED ALWAYS AS (COALESCE("lastActivityAt", "createdAt")) STORED;

-- CreateIndex
CREATE INDEX "Opportunity_inactiveSince_id_idx" ON "Opportunity"("inactiveSince", "id");
