-- board_speed: the opportunity list of a team filtered by status and sorted by amount, the way the
-- list page's amount column asks for it (checked with EXPLAIN on 100,000 opportunities, see
-- README "Benchmark"): a backward index scan that stops after one page instead of sorting every
-- matching row.

-- CreateIndex
CREATE INDEX "Opportunity_teamId_status_amount_id_idx" ON "Opportunity"("teamId", "status", "amount", "id");
