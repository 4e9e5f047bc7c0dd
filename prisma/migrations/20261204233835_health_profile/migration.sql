-- CreateTable
CREATE TABLE "MedicalHistoryEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "since" TEXT,
    "note" TEXT,
    "authorKind" TEXT NOT NULL,
    "authorAccountId" TEXT,
    "recordedById" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MedicalHistoryEntry_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Vaccination" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "vaccine" TEXT NOT NULL,
    "atcCode" TEXT,
    "date" TEXT NOT NULL,
    "dose" TEXT,
    "lot" TEXT,
    "administeredBy" TEXT,
    "authorKind" TEXT NOT NULL,
    "authorAccountId" TEXT,
    "recordedById" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Vaccination_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Measurement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" REAL NOT NULL,
    "secondValue" REAL,
    "unit" TEXT NOT NULL,
    "measuredOn" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Measurement_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HealthProfileComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "entryKind" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "isContest" BOOLEAN NOT NULL DEFAULT false,
    "text" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "HealthProfileComment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmergencyWishes" (
    "patientId" TEXT NOT NULL PRIMARY KEY,
    "directivesLocation" TEXT,
    "trustedPersonName" TEXT,
    "trustedPersonRelationship" TEXT,
    "trustedPersonPhone" TEXT,
    "organDonation" TEXT,
    "authorKind" TEXT NOT NULL,
    "authorAccountId" TEXT,
    "authorName" TEXT NOT NULL,
    "writtenAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmergencyWishes_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Allergy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "substance" TEXT NOT NULL,
    "reaction" TEXT,
    "severity" TEXT,
    "recordedById" TEXT,
    "authorKind" TEXT NOT NULL DEFAULT 'PROFESSIONAL',
    "authorAccountId" TEXT,
    "authorName" TEXT,
    "writtenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Allergy_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Allergy" ("createdAt", "id", "patientId", "reaction", "recordedById", "severity", "substance", "updatedAt") SELECT "createdAt", "id", "patientId", "reaction", "recordedById", "severity", "substance", "updatedAt" FROM "Allergy";
DROP TABLE "Allergy";
ALTER TABLE "new_Allergy" RENAME TO "Allergy";
CREATE INDEX "Allergy_patientId_idx" ON "Allergy"("patientId");
CREATE TABLE "new_Treatment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "medication" TEXT NOT NULL,
    "dosage" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "recordedById" TEXT,
    "authorKind" TEXT NOT NULL DEFAULT 'PROFESSIONAL',
    "authorAccountId" TEXT,
    "authorName" TEXT,
    "writtenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Treatment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Treatment" ("createdAt", "dosage", "endDate", "id", "medication", "patientId", "recordedById", "startDate", "updatedAt") SELECT "createdAt", "dosage", "endDate", "id", "medication", "patientId", "recordedById", "startDate", "updatedAt" FROM "Treatment";
DROP TABLE "Treatment";
ALTER TABLE "new_Treatment" RENAME TO "Treatment";
CREATE INDEX "Treatment_patientId_idx" ON "Treatment"("patientId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MedicalHistoryEntry_patientId_idx" ON "MedicalHistoryEntry"("patientId");

-- CreateIndex
CREATE INDEX "Vaccination_patientId_idx" ON "Vaccination"("patientId");

-- CreateIndex
CREATE INDEX "Measurement_patientId_kind_measuredOn_idx" ON "Measurement"("patientId", "kind", "measuredOn");

-- CreateIndex
CREATE INDEX "HealthProfileComment_patientId_entryKind_entryId_idx" ON "HealthProfileComment"("patientId", "entryKind", "entryId");

