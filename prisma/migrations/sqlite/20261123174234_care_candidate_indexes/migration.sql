-- DropIndex
DROP INDEX "Client_workspaceId_tier_lastAdviceAt_idx";

-- DropIndex
DROP INDEX "Client_workspaceId_lastGestureAt_idx";

-- DropIndex
DROP INDEX "Client_workspaceId_lastInteractionAt_idx";

-- CreateIndex
CREATE INDEX "Client_workspaceId_status_tier_lastInteractionAt_createdAt_idx" ON "Client"("workspaceId", "status", "tier", "lastInteractionAt", "createdAt");

-- CreateIndex
CREATE INDEX "Client_workspaceId_status_lastGestureAt_createdAt_idx" ON "Client"("workspaceId", "status", "lastGestureAt", "createdAt");

-- CreateIndex
CREATE INDEX "Client_workspaceId_status_tier_lastAdviceAt_createdAt_idx" ON "Client"("workspaceId", "status", "tier", "lastAdviceAt", "createdAt");

-- CreateIndex
CREATE INDEX "Interaction_workspaceId_mood_occurredAt_idx" ON "Interaction"("workspaceId", "mood", "occurredAt");

-- CreateIndex
CREATE INDEX "Interaction_workspaceId_direction_occurredAt_clientId_idx" ON "Interaction"("workspaceId", "direction", "occurredAt", "clientId");
