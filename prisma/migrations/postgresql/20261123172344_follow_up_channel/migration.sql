-- AlterTable
ALTER TABLE "FollowUp" ADD COLUMN     "channel" TEXT,
ADD COLUMN     "threadIds" TEXT NOT NULL DEFAULT '[]';

-- Awaiting-reply items written before this migration named their channel in the summary ("Email: …").
UPDATE "FollowUp" SET "channel" = 'email', "summary" = substr("summary", 8) WHERE "kind" = 'reply' AND "summary" LIKE 'Email: %';
UPDATE "FollowUp" SET "channel" = 'call', "summary" = substr("summary", 7) WHERE "kind" = 'reply' AND "summary" LIKE 'Call: %';
UPDATE "FollowUp" SET "channel" = 'chat', "summary" = substr("summary", 10) WHERE "kind" = 'reply' AND "summary" LIKE 'Message: %';
