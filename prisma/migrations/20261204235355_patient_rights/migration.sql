-- CreateTable
CREATE TABLE "TotpRecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TotpRecoveryCode_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "requestedByAccountId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "answer" TEXT,
    "replacementId" TEXT,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "RectificationRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RectificationRequest_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecordCopyRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "requestedByAccountId" TEXT NOT NULL,
    "postalAddress" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "trackingNumber" TEXT,
    "handledByOperatorId" TEXT,
    "handledAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "namespaceId" TEXT,
    CONSTRAINT "RecordCopyRequest_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeedOpposition" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT,
    "structureId" TEXT,
    "requestedByAccountId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "withdrawnAt" DATETIME,
    CONSTRAINT "FeedOpposition_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "loginId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "otpChannel" TEXT NOT NULL DEFAULT 'EMAIL',
    "failedPasswordCount" INTEGER NOT NULL DEFAULT 0,
    "failedOtpCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "namespaceId" TEXT,
    "patientId" TEXT,
    "totpSecret" TEXT,
    "totpEnabledAt" DATETIME,
    "totpLastStep" INTEGER,
    "totpPendingSecret" TEXT,
    "totpPendingTries" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Account_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Account" ("createdAt", "email", "failedOtpCount", "failedPasswordCount", "firstName", "id", "lastLoginAt", "lastName", "lockedUntil", "loginId", "mustChangePassword", "namespaceId", "otpChannel", "passwordHash", "patientId", "phone", "sessionVersion", "updatedAt") SELECT "createdAt", "email", "failedOtpCount", "failedPasswordCount", "firstName", "id", "lastLoginAt", "lastName", "lockedUntil", "loginId", "mustChangePassword", "namespaceId", "otpChannel", "passwordHash", "patientId", "phone", "sessionVersion", "updatedAt" FROM "Account";
DROP TABLE "Account";
ALTER TABLE "new_Account" RENAME TO "Account";
CREATE UNIQUE INDEX "Account_loginId_key" ON "Account"("loginId");
CREATE UNIQUE INDEX "Account_patientId_key" ON "Account"("patientId");
CREATE INDEX "Account_namespaceId_idx" ON "Account"("namespaceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

