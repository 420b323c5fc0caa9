-- Key figures of a period: the funnel reads the stage entries (`CREATED`, `stageId`) of the
-- history from the period's start on; won and lost figures read the opportunities closed in it.

-- CreateIndex
CREATE INDEX "OpportunityChange_field_changedAt_idx" ON "OpportunityChange"("field", "changedAt");

-- CreateIndex
CREATE INDEX "Opportunity_status_closedAt_idx" ON "Opportunity"("status", "closedAt");
