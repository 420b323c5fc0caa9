-- Key figures read the opportunity history by field: lead conversions (`kind`) in every
-- opportunity figure, stage entries (`CREATED`, `stageId`) in the funnel.

-- CreateIndex
CREATE INDEX "OpportunityChange_field_opportunityId_changedAt_idx" ON "OpportunityChange"("field", "opportunityId", "changedAt");
