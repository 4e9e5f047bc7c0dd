-- AlterTable
ALTER TABLE "Structure" ADD COLUMN "groupName" TEXT;

-- AlterTable
ALTER TABLE "Professional" ADD COLUMN "establishmentRole" TEXT;

-- CreateTable
CREATE TABLE "DocumentCatalogueEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "structureId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "defaultMasking" TEXT NOT NULL DEFAULT 'NONE',
    "exported" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "HospitalDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "structureId" TEXT NOT NULL,
    "structurePatientId" TEXT NOT NULL,
    "catalogueEntryId" TEXT,
    "origin" TEXT NOT NULL DEFAULT 'CLINICAL_SOFTWARE',
    "originLabel" TEXT,
    "typeCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "serviceDate" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "sendToDmp" BOOLEAN NOT NULL DEFAULT true,
    "holdReason" TEXT,
    "holdText" TEXT,
    "masking" TEXT NOT NULL DEFAULT 'NONE',
    "format" TEXT NOT NULL DEFAULT 'PDF',
    "validatedById" TEXT,
    "validatedAt" DATETIME,
    "dmpStatus" TEXT NOT NULL DEFAULT 'PENDING',
    "dmpMessage" TEXT,
    "dmpDocumentId" TEXT,
    "dmpSentAt" DATETIME,
    "dmpAttempts" INTEGER NOT NULL DEFAULT 0,
    "mssanteRecipient" TEXT,
    "mssanteSentAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "NirRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "structureId" TEXT NOT NULL,
    "structurePatientId" TEXT NOT NULL,
    "desk" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" DATETIME NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "confirmedById" TEXT,
    "confirmedAt" DATETIME
);

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

