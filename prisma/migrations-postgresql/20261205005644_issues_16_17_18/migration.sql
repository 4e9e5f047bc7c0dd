-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('PENDING', 'CORRECTED', 'REPLACED', 'REFUSED');

-- CreateEnum
CREATE TYPE "RecordCopyStatus" AS ENUM ('PENDING', 'SENT');

-- CreateEnum
CREATE TYPE "EstablishmentRole" AS ENUM ('ADMIN', 'ADMISSIONS');

-- CreateEnum
CREATE TYPE "HospitalMasking" AS ENUM ('NONE', 'MASQUE_PS', 'INVISIBLE_PATIENT', 'INVISIBLE_REPRESENTANTS_LEGAUX');

-- CreateEnum
CREATE TYPE "HospitalDocumentOrigin" AS ENUM ('CLINICAL_SOFTWARE', 'SCANNED_IMPORT', 'OTHER_SOFTWARE');

-- CreateEnum
CREATE TYPE "HospitalDocumentStatus" AS ENUM ('DRAFT', 'VALIDATED');

-- CreateEnum
CREATE TYPE "HoldBackReason" AS ENUM ('ANNOUNCEMENT_CONSULTATION', 'FRAGILE_PATIENT', 'SENSITIVE_DOCUMENT', 'OTHER');

-- CreateEnum
CREATE TYPE "DmpExportStatus" AS ENUM ('NOT_EXPORTABLE', 'PENDING', 'HELD_BACK', 'NO_NIR', 'CERTIFICATION_KO', 'RECORD_NOT_FOUND', 'RECORD_CLOSED', 'REJECTED', 'FED_OK');

-- CreateEnum
CREATE TYPE "NirRequestStatus" AS ENUM ('PENDING', 'CONFIRMED');

-- AlterEnum
ALTER TYPE "OtpChannel" ADD VALUE 'TOTP';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'PATIENT_RIGHTS';

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN     "reimbursementProfile" TEXT;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "totpEnabledAt" TIMESTAMP(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpPendingSecret" TEXT,
ADD COLUMN     "totpPendingTries" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "totpSecret" TEXT;

-- AlterTable
ALTER TABLE "Structure" ADD COLUMN     "groupName" TEXT;

-- AlterTable
ALTER TABLE "Professional" ADD COLUMN     "establishmentRole" "EstablishmentRole";

-- AlterTable
ALTER TABLE "Allergy" ADD COLUMN     "authorAccountId" TEXT,
ADD COLUMN     "authorKind" "ActorKind" NOT NULL DEFAULT 'PROFESSIONAL',
ADD COLUMN     "authorName" TEXT,
ADD COLUMN     "writtenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Treatment" ADD COLUMN     "authorAccountId" TEXT,
ADD COLUMN     "authorKind" "ActorKind" NOT NULL DEFAULT 'PROFESSIONAL',
ADD COLUMN     "authorName" TEXT,
ADD COLUMN     "writtenAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ReimbursementItem" DROP COLUMN "amountCents",
ADD COLUMN     "activeIngredients" TEXT,
ADD COLUMN     "deliveredInHospital" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stayDays" INTEGER;

-- CreateTable
CREATE TABLE "MedicalHistoryEntry" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "since" TEXT,
    "note" TEXT,
    "authorKind" "ActorKind" NOT NULL,
    "authorAccountId" TEXT,
    "recordedById" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MedicalHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Vaccination" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "vaccine" TEXT NOT NULL,
    "atcCode" TEXT,
    "date" TEXT NOT NULL,
    "dose" TEXT,
    "lot" TEXT,
    "administeredBy" TEXT,
    "authorKind" "ActorKind" NOT NULL,
    "authorAccountId" TEXT,
    "recordedById" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Vaccination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "secondValue" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "measuredOn" TEXT NOT NULL,
    "authorKind" "ActorKind" NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthProfileComment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "entryKind" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "isContest" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "authorKind" "ActorKind" NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthProfileComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyWishes" (
    "patientId" TEXT NOT NULL,
    "directivesLocation" TEXT,
    "trustedPersonName" TEXT,
    "trustedPersonRelationship" TEXT,
    "trustedPersonPhone" TEXT,
    "organDonation" TEXT,
    "authorKind" "ActorKind" NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmergencyWishes_pkey" PRIMARY KEY ("patientId")
);

-- CreateTable
CREATE TABLE "TotpRecoveryCode" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TotpRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationRequest" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "requestedByAccountId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "RectificationStatus" NOT NULL DEFAULT 'PENDING',
    "answer" TEXT,
    "replacementId" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RectificationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordCopyRequest" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "requestedByAccountId" TEXT NOT NULL,
    "postalAddress" TEXT NOT NULL,
    "status" "RecordCopyStatus" NOT NULL DEFAULT 'PENDING',
    "trackingNumber" TEXT,
    "handledByOperatorId" TEXT,
    "handledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "namespaceId" TEXT,

    CONSTRAINT "RecordCopyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedOpposition" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT,
    "structureId" TEXT,
    "requestedByAccountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "FeedOpposition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCatalogueEntry" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "defaultMasking" "HospitalMasking" NOT NULL DEFAULT 'NONE',
    "exported" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DocumentCatalogueEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HospitalDocument" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "structurePatientId" TEXT NOT NULL,
    "catalogueEntryId" TEXT,
    "origin" "HospitalDocumentOrigin" NOT NULL DEFAULT 'CLINICAL_SOFTWARE',
    "originLabel" TEXT,
    "typeCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "status" "HospitalDocumentStatus" NOT NULL DEFAULT 'DRAFT',
    "sendToDmp" BOOLEAN NOT NULL DEFAULT true,
    "holdReason" "HoldBackReason",
    "holdText" TEXT,
    "masking" "HospitalMasking" NOT NULL DEFAULT 'NONE',
    "format" TEXT NOT NULL DEFAULT 'PDF',
    "validatedById" TEXT,
    "validatedAt" TIMESTAMP(3),
    "dmpStatus" "DmpExportStatus" NOT NULL DEFAULT 'PENDING',
    "dmpMessage" TEXT,
    "dmpDocumentId" TEXT,
    "dmpSentAt" TIMESTAMP(3),
    "dmpAttempts" INTEGER NOT NULL DEFAULT 0,
    "mssanteRecipient" TEXT,
    "mssanteSentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HospitalDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NirRequest" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "structurePatientId" TEXT NOT NULL,
    "desk" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "status" "NirRequestStatus" NOT NULL DEFAULT 'PENDING',
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),

    CONSTRAINT "NirRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MedicalHistoryEntry_patientId_idx" ON "MedicalHistoryEntry"("patientId");

-- CreateIndex
CREATE INDEX "Vaccination_patientId_idx" ON "Vaccination"("patientId");

-- CreateIndex
CREATE INDEX "Measurement_patientId_kind_measuredOn_idx" ON "Measurement"("patientId", "kind", "measuredOn");

-- CreateIndex
CREATE INDEX "HealthProfileComment_patientId_entryKind_entryId_idx" ON "HealthProfileComment"("patientId", "entryKind", "entryId");

-- CreateIndex
CREATE INDEX "TotpRecoveryCode_accountId_idx" ON "TotpRecoveryCode"("accountId");

-- CreateIndex
CREATE INDEX "RectificationRequest_patientId_createdAt_idx" ON "RectificationRequest"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "RectificationRequest_authorId_status_idx" ON "RectificationRequest"("authorId", "status");

-- CreateIndex
CREATE INDEX "RecordCopyRequest_status_createdAt_idx" ON "RecordCopyRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RecordCopyRequest_patientId_idx" ON "RecordCopyRequest"("patientId");

-- CreateIndex
CREATE INDEX "FeedOpposition_patientId_withdrawnAt_idx" ON "FeedOpposition"("patientId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "DocumentCatalogueEntry_structureId_position_idx" ON "DocumentCatalogueEntry"("structureId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentCatalogueEntry_structureId_name_key" ON "DocumentCatalogueEntry"("structureId", "name");

-- CreateIndex
CREATE INDEX "HospitalDocument_structureId_structurePatientId_idx" ON "HospitalDocument"("structureId", "structurePatientId");

-- CreateIndex
CREATE INDEX "HospitalDocument_structureId_dmpStatus_idx" ON "HospitalDocument"("structureId", "dmpStatus");

-- CreateIndex
CREATE INDEX "NirRequest_structureId_status_idx" ON "NirRequest"("structureId", "status");

-- AddForeignKey
ALTER TABLE "MedicalHistoryEntry" ADD CONSTRAINT "MedicalHistoryEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Vaccination" ADD CONSTRAINT "Vaccination_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Measurement" ADD CONSTRAINT "Measurement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "HealthProfileComment" ADD CONSTRAINT "HealthProfileComment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "EmergencyWishes" ADD CONSTRAINT "EmergencyWishes_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "TotpRecoveryCode" ADD CONSTRAINT "TotpRecoveryCode_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "RectificationRequest" ADD CONSTRAINT "RectificationRequest_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "RecordCopyRequest" ADD CONSTRAINT "RecordCopyRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "FeedOpposition" ADD CONSTRAINT "FeedOpposition_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

