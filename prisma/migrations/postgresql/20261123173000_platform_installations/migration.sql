-- CreateTable
CREATE TABLE "Installation" (
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "teamId" TEXT,
    "enterpriseId" TEXT,
    "data" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Installation_pkey" PRIMARY KEY ("platform","key")
);

-- Installations were Slack's only: they keep their keys and tokens under the platform "slack".
INSERT INTO "Installation" ("platform", "key", "teamId", "enterpriseId", "data", "createdAt", "updatedAt")
SELECT 'slack', "id", "teamId", "enterpriseId", "installation", "createdAt", "updatedAt" FROM "SlackInstallation";

-- DropTable
DROP TABLE "SlackInstallation";

-- CreateIndex
CREATE INDEX "Installation_platform_teamId_idx" ON "Installation"("platform", "teamId");
