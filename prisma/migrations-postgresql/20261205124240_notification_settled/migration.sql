-- DropIndex
DROP INDEX "Notification_createdAt_idx";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "settledAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Notification_settledAt_createdAt_idx" ON "Notification"("settledAt", "createdAt");


-- Notifications already sent on a channel are settled (the job reads the pending ones only).
UPDATE "Notification" SET "settledAt" = "createdAt" WHERE "sentEmail" = true OR "sentSms" = true;
