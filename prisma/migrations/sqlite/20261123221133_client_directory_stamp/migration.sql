-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "digestChannel" TEXT,
    "businessDays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "businessStart" TEXT NOT NULL DEFAULT '09:00',
    "businessEnd" TEXT NOT NULL DEFAULT '17:30',
    "settings" TEXT NOT NULL DEFAULT '{}',
    "deliveryBlockedReason" TEXT,
    "deliveryBlockedAt" DATETIME,
    "uninstalledAt" DATETIME,
    "directoryStamp" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("businessDays", "businessEnd", "businessStart", "createdAt", "deliveryBlockedAt", "deliveryBlockedReason", "digestChannel", "externalId", "id", "name", "platform", "settings", "timeZone", "uninstalledAt", "updatedAt") SELECT "businessDays", "businessEnd", "businessStart", "createdAt", "deliveryBlockedAt", "deliveryBlockedReason", "digestChannel", "externalId", "id", "name", "platform", "settings", "timeZone", "uninstalledAt", "updatedAt" FROM "Workspace";
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_platform_externalId_key" ON "Workspace"("platform", "externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
