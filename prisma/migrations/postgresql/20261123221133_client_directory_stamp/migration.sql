-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "directoryStamp" TEXT NOT NULL DEFAULT '';
