-- AlterTable
ALTER TABLE "Beneficiary" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "Patient" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "Account" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "Structure" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "Professional" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN "namespaceId" TEXT;

-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN "namespaceId" TEXT;

-- CreateTable
CREATE TABLE "SandboxNamespace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" DATETIME NOT NULL,
    "deletingAt" DATETIME
);

-- CreateTable
CREATE TABLE "SandboxClock" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "offsetMs" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxNamespace_tokenHash_key" ON "SandboxNamespace"("tokenHash");

-- CreateIndex
CREATE INDEX "Beneficiary_namespaceId_idx" ON "Beneficiary"("namespaceId");

-- CreateIndex
CREATE INDEX "Patient_namespaceId_idx" ON "Patient"("namespaceId");

-- CreateIndex
CREATE INDEX "Account_namespaceId_idx" ON "Account"("namespaceId");

-- CreateIndex
CREATE INDEX "Structure_namespaceId_idx" ON "Structure"("namespaceId");

-- CreateIndex
CREATE INDEX "Professional_namespaceId_idx" ON "Professional"("namespaceId");

-- CreateIndex
CREATE INDEX "MailMessage_namespaceId_idx" ON "MailMessage"("namespaceId");

-- CreateIndex
CREATE INDEX "SmsMessage_namespaceId_idx" ON "SmsMessage"("namespaceId");


-- Deleting a sandbox namespace (issue 12) removes its records whole, their trace chains and
-- seals included: the append-only triggers let a DELETE through only for a record of a
-- namespace marked as being deleted (deletingAt, set in the deleting transaction). Every
-- other trace stays append-only; a whole chain gone leaves no broken link to verify.
DROP TRIGGER "Trace_no_delete";
CREATE TRIGGER "Trace_no_delete" BEFORE DELETE ON "Trace"
WHEN OLD."patientId" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Patient" p JOIN "SandboxNamespace" n ON n."id" = p."namespaceId"
    WHERE p."id" = OLD."patientId" AND n."deletingAt" IS NOT NULL
)
BEGIN
    SELECT RAISE(ABORT, 'Trace is append-only: DELETE refused');
END;

DROP TRIGGER "TraceSeal_no_delete";
CREATE TRIGGER "TraceSeal_no_delete" BEFORE DELETE ON "TraceSeal"
WHEN OLD."patientId" IS NULL OR NOT EXISTS (
    SELECT 1 FROM "Patient" p JOIN "SandboxNamespace" n ON n."id" = p."namespaceId"
    WHERE p."id" = OLD."patientId" AND n."deletingAt" IS NOT NULL
)
BEGIN
    SELECT RAISE(ABORT, 'TraceSeal is append-only: DELETE refused');
END;
