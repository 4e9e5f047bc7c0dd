-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN "otpCode" TEXT;
ALTER TABLE "MailMessage" ADD COLUMN "otpPurpose" TEXT;

-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN "otpCode" TEXT;
ALTER TABLE "SmsMessage" ADD COLUMN "otpPurpose" TEXT;

