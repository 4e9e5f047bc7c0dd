-- Who on the patient side a notification is for (existing ones: everyone, as before).
ALTER TABLE "Notification" ADD COLUMN "audience" TEXT NOT NULL DEFAULT 'EVERYONE';
