-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "sex" TEXT NOT NULL,
    "vitaleSerial" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "patientId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Beneficiary_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "sex" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "notifyByEmail" BOOLEAN NOT NULL DEFAULT true,
    "notifyBySms" BOOLEAN NOT NULL DEFAULT false,
    "recordStatus" TEXT NOT NULL DEFAULT 'OPEN',
    "recordOpenedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "deletionPlannedAt" DATETIME,
    "breakGlassAllowed" BOOLEAN NOT NULL DEFAULT true,
    "samuAllowed" BOOLEAN NOT NULL DEFAULT true,
    "reimbursementsLoadedAt" DATETIME,
    "treatingDoctorId" TEXT,
    "treatingDoctorSince" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Patient_treatingDoctorId_fkey" FOREIGN KEY ("treatingDoctorId") REFERENCES "Professional" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Account" (
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
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "patientId" TEXT,
    CONSTRAINT "Account_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LegalRepresentation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LegalRepresentation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LegalRepresentation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmergencyContact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EmergencyContact_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Structure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "finess" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Professional" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idNat" TEXT NOT NULL,
    "rpps" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'HEALTH_PROFESSIONAL',
    "title" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "profession" TEXT,
    "specialty" TEXT,
    "isSamuRegulator" BOOLEAN NOT NULL DEFAULT false,
    "isOperator" BOOLEAN NOT NULL DEFAULT false,
    "email" TEXT,
    "structureId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Professional_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CertificateAuthority" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "privateKeyPem" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CpsCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serial" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "pinHash" TEXT NOT NULL,
    "pukHash" TEXT NOT NULL,
    "pinTries" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "opposedAt" DATETIME,
    CONSTRAINT "CpsCard_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StructureCertificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serial" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "StructureCertificate_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CardChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "nonce" TEXT NOT NULL,
    "cardSerial" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ProfessionalAuthorization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'CONSENT',
    "consentAt" DATETIME NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT NOT NULL,
    "lastAccessAt" DATETIME,
    CONSTRAINT "ProfessionalAuthorization_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProfessionalAuthorization_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProfessionalAuthorization_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Professional" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PatientBlock" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL DEFAULT 'PATIENT',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PatientBlock_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PatientBlock_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "justification" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "EmergencyAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EmergencyAccess_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HabilitationRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profession" TEXT NOT NULL,
    "specialty" TEXT NOT NULL DEFAULT '*',
    "typeCode" TEXT NOT NULL,
    "canRead" BOOLEAN NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "uniqueId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" TEXT,
    "authorAccountId" TEXT,
    "structureId" TEXT,
    "serviceDate" DATETIME NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confidentiality" TEXT NOT NULL DEFAULT 'N',
    "hiddenFromPros" BOOLEAN NOT NULL DEFAULT false,
    "hiddenFromPatient" BOOLEAN NOT NULL DEFAULT false,
    "hiddenFromLegalReps" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "replacesId" TEXT,
    "opposedAt" DATETIME,
    "oppositionReason" TEXT,
    "revealedAt" DATETIME,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    CONSTRAINT "Document_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Document_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Professional" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Document_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "documentId" TEXT NOT NULL PRIMARY KEY,
    "data" BLOB NOT NULL,
    CONSTRAINT "DocumentContent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Allergy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "substance" TEXT NOT NULL,
    "reaction" TEXT,
    "severity" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Allergy_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Treatment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "medication" TEXT NOT NULL,
    "dosage" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "recordedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Treatment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReimbursementItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "actCode" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "specialty" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amountCents" INTEGER NOT NULL,
    CONSTRAINT "ReimbursementItem_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Trace" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patientId" TEXT,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorProfession" TEXT,
    "actorStructure" TEXT,
    "action" TEXT NOT NULL,
    "documentId" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'NORMAL',
    "justification" TEXT,
    "outcome" TEXT NOT NULL DEFAULT 'ALLOWED',
    "reason" TEXT,
    "detail" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "Trace_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentEmail" BOOLEAN NOT NULL DEFAULT false,
    "sentSms" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "Notification_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipient" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recipient" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OtpChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "purpose" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "payload" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "voidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OtpChallenge_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT,
    "subject" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "ipAddress" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LoginAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StructurePatient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "structureId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "nir" TEXT,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "identityStatus" TEXT NOT NULL DEFAULT 'QUALIFIED',
    "patientId" TEXT,
    CONSTRAINT "StructurePatient_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StructurePatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FeedSubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "structureId" TEXT NOT NULL,
    "professionalId" TEXT,
    "documentUniqueId" TEXT NOT NULL,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "detail" TEXT,
    "patientId" TEXT,
    "documentId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeedSubmission_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FeedSubmission_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_patientId_key" ON "Beneficiary"("patientId");

-- CreateIndex
CREATE INDEX "Beneficiary_vitaleSerial_idx" ON "Beneficiary"("vitaleSerial");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_nir_birthDate_birthRank_key" ON "Beneficiary"("nir", "birthDate", "birthRank");

-- CreateIndex
CREATE INDEX "Patient_lastName_birthDate_idx" ON "Patient"("lastName", "birthDate");

-- CreateIndex
CREATE INDEX "Patient_treatingDoctorId_idx" ON "Patient"("treatingDoctorId");

-- CreateIndex
CREATE INDEX "Patient_department_recordStatus_idx" ON "Patient"("department", "recordStatus");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_nir_birthDate_birthRank_key" ON "Patient"("nir", "birthDate", "birthRank");

-- CreateIndex
CREATE UNIQUE INDEX "Account_loginId_key" ON "Account"("loginId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_patientId_key" ON "Account"("patientId");

-- CreateIndex
CREATE INDEX "LegalRepresentation_patientId_idx" ON "LegalRepresentation"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalRepresentation_accountId_patientId_key" ON "LegalRepresentation"("accountId", "patientId");

-- CreateIndex
CREATE INDEX "EmergencyContact_patientId_idx" ON "EmergencyContact"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Structure_finess_key" ON "Structure"("finess");

-- CreateIndex
CREATE UNIQUE INDEX "Professional_idNat_key" ON "Professional"("idNat");

-- CreateIndex
CREATE INDEX "Professional_lastName_idx" ON "Professional"("lastName");

-- CreateIndex
CREATE INDEX "Professional_structureId_idx" ON "Professional"("structureId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateAuthority_kind_key" ON "CertificateAuthority"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "CpsCard_serial_key" ON "CpsCard"("serial");

-- CreateIndex
CREATE INDEX "CpsCard_professionalId_idx" ON "CpsCard"("professionalId");

-- CreateIndex
CREATE UNIQUE INDEX "StructureCertificate_serial_key" ON "StructureCertificate"("serial");

-- CreateIndex
CREATE INDEX "StructureCertificate_structureId_idx" ON "StructureCertificate"("structureId");

-- CreateIndex
CREATE UNIQUE INDEX "CardChallenge_nonce_key" ON "CardChallenge"("nonce");

-- CreateIndex
CREATE INDEX "ProfessionalAuthorization_professionalId_idx" ON "ProfessionalAuthorization"("professionalId");

-- CreateIndex
CREATE UNIQUE INDEX "ProfessionalAuthorization_patientId_professionalId_key" ON "ProfessionalAuthorization"("patientId", "professionalId");

-- CreateIndex
CREATE INDEX "PatientBlock_professionalId_idx" ON "PatientBlock"("professionalId");

-- CreateIndex
CREATE UNIQUE INDEX "PatientBlock_patientId_professionalId_key" ON "PatientBlock"("patientId", "professionalId");

-- CreateIndex
CREATE INDEX "EmergencyAccess_patientId_professionalId_expiresAt_idx" ON "EmergencyAccess"("patientId", "professionalId", "expiresAt");

-- CreateIndex
CREATE INDEX "HabilitationRule_typeCode_idx" ON "HabilitationRule"("typeCode");

-- CreateIndex
CREATE UNIQUE INDEX "HabilitationRule_profession_specialty_typeCode_key" ON "HabilitationRule"("profession", "specialty", "typeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Document_uniqueId_key" ON "Document"("uniqueId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_replacesId_key" ON "Document"("replacesId");

-- CreateIndex
CREATE INDEX "Document_patientId_status_serviceDate_idx" ON "Document"("patientId", "status", "serviceDate");

-- CreateIndex
CREATE INDEX "Document_patientId_typeCode_idx" ON "Document"("patientId", "typeCode");

-- CreateIndex
CREATE INDEX "Document_authorId_idx" ON "Document"("authorId");

-- CreateIndex
CREATE INDEX "Allergy_patientId_idx" ON "Allergy"("patientId");

-- CreateIndex
CREATE INDEX "Treatment_patientId_idx" ON "Treatment"("patientId");

-- CreateIndex
CREATE INDEX "ReimbursementItem_patientId_date_idx" ON "ReimbursementItem"("patientId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Trace_hash_key" ON "Trace"("hash");

-- CreateIndex
CREATE INDEX "Trace_patientId_id_idx" ON "Trace"("patientId", "id");

-- CreateIndex
CREATE INDEX "Trace_patientId_actorId_idx" ON "Trace"("patientId", "actorId");

-- CreateIndex
CREATE INDEX "Trace_patientId_at_idx" ON "Trace"("patientId", "at");

-- CreateIndex
CREATE INDEX "Notification_patientId_createdAt_idx" ON "Notification"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_recipient_receivedAt_idx" ON "MailMessage"("recipient", "receivedAt");

-- CreateIndex
CREATE INDEX "SmsMessage_recipient_createdAt_idx" ON "SmsMessage"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "OtpChallenge_accountId_purpose_createdAt_idx" ON "OtpChallenge"("accountId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_subject_at_idx" ON "LoginAttempt"("subject", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StructurePatient_structureId_localId_key" ON "StructurePatient"("structureId", "localId");

-- CreateIndex
CREATE INDEX "FeedSubmission_structureId_submittedAt_idx" ON "FeedSubmission"("structureId", "submittedAt");

