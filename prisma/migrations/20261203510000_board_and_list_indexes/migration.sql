-- board_and_list_indexes: what the board and the opportunity list ask for most, for viewers who
-- read some teams only (checked with EXPLAIN on 100,000 opportunities, see README "Benchmark").

-- CreateIndex: the board's cards of one stage for a team, in card order
CREATE INDEX "Opportunity_stageId_status_teamId_expectedCloseDate_id_idx" ON "Opportunity"("stageId", "status", "teamId", "expectedCloseDate", "id");

-- CreateIndex: the board's totals per stage for a team
CREATE INDEX "Opportunity_pipelineId_status_teamId_stageId_idx" ON "Opportunity"("pipelineId", "status", "teamId", "stageId");

-- CreateIndex: the list of a team in its default order (expected close date)
CREATE INDEX "Opportunity_teamId_expectedCloseDate_id_idx" ON "Opportunity"("teamId", "expectedCloseDate", "id");
