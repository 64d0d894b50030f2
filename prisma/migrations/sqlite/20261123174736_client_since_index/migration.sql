-- CreateIndex
CREATE INDEX "ImportantDate_workspaceId_kind_year_idx" ON "ImportantDate"("workspaceId", "kind", "year");
