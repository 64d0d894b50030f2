-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Mailbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "lastUid" INTEGER,
    "uidValidity" TEXT,
    "sentLastUid" INTEGER,
    "sentUidValidity" TEXT,
    "checkedAt" DATETIME,
    "connected" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "failingSince" DATETIME,
    "noticeSentAt" DATETIME,
    CONSTRAINT "Mailbox_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Mailbox" ("address", "checkedAt", "host", "id", "lastUid", "uidValidity", "workspaceId") SELECT "address", "checkedAt", "host", "id", "lastUid", "uidValidity", "workspaceId" FROM "Mailbox";
DROP TABLE "Mailbox";
ALTER TABLE "new_Mailbox" RENAME TO "Mailbox";
CREATE UNIQUE INDEX "Mailbox_workspaceId_address_key" ON "Mailbox"("workspaceId", "address");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
