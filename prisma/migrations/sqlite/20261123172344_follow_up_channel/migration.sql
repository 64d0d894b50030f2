-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "interactionId" TEXT,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "snoozedUntil" DATETIME,
    "closedAt" DATETIME,
    "closedById" TEXT,
    "source" TEXT NOT NULL DEFAULT 'command',
    "externalRef" TEXT,
    "channel" TEXT,
    "threadIds" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "FollowUp_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_FollowUp" ("clientId", "closedAt", "closedById", "externalRef", "id", "interactionId", "kind", "openedAt", "snoozedUntil", "source", "state", "summary", "workspaceId") SELECT "clientId", "closedAt", "closedById", "externalRef", "id", "interactionId", "kind", "openedAt", "snoozedUntil", "source", "state", "summary", "workspaceId" FROM "FollowUp";
DROP TABLE "FollowUp";
ALTER TABLE "new_FollowUp" RENAME TO "FollowUp";
CREATE INDEX "FollowUp_workspaceId_state_idx" ON "FollowUp"("workspaceId", "state");
CREATE INDEX "FollowUp_clientId_state_idx" ON "FollowUp"("clientId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Awaiting-reply items written before this migration named their channel in the summary ("Email: …").
UPDATE "FollowUp" SET "channel" = 'email', "summary" = substr("summary", 8) WHERE "kind" = 'reply' AND "summary" LIKE 'Email: %';
UPDATE "FollowUp" SET "channel" = 'call', "summary" = substr("summary", 7) WHERE "kind" = 'reply' AND "summary" LIKE 'Call: %';
UPDATE "FollowUp" SET "channel" = 'chat', "summary" = substr("summary", 10) WHERE "kind" = 'reply' AND "summary" LIKE 'Message: %';
