-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "connected" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "failingSince" TIMESTAMP(3),
ADD COLUMN     "failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "noticeSentAt" TIMESTAMP(3),
ADD COLUMN     "sentLastUid" INTEGER,
ADD COLUMN     "sentUidValidity" TEXT;
