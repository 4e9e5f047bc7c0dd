-- AlterTable
ALTER TABLE "Document" ADD COLUMN "sha1" TEXT;

