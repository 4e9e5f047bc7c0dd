-- CreateEnum
CREATE TYPE "Sex" AS ENUM ('M', 'F');

-- CreateEnum
CREATE TYPE "OtpChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "StructureKind" AS ENUM ('HOSPITAL', 'EHPAD', 'PRACTICE', 'SAMU');

-- CreateEnum
CREATE TYPE "ProfessionalKind" AS ENUM ('HEALTH_PROFESSIONAL', 'STAFF');

-- CreateEnum
CREATE TYPE "CardStatus" AS ENUM ('ACTIVE', 'OPPOSED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "CertificateAuthorityKind" AS ENUM ('ROOT', 'ISSUING');

-- CreateEnum
CREATE TYPE "Confidentiality" AS ENUM ('N', 'R', 'V');

-- CreateEnum
CREATE TYPE "DocumentSource" AS ENUM ('PROFESSIONAL', 'PATIENT', 'HOSPITAL_FEED');

-- CreateEnum
CREATE TYPE "DocumentStatus" AS ENUM ('ACTIVE', 'REPLACED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AccessMode" AS ENUM ('NORMAL', 'SAMU', 'BREAK_GLASS');

-- CreateEnum
CREATE TYPE "TraceOutcome" AS ENUM ('ALLOWED', 'REFUSED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PATIENT', 'LEGAL_REPRESENTATIVE', 'PROFESSIONAL', 'STRUCTURE', 'SYSTEM');

-- CreateEnum
CREATE TYPE "AuthorizationMethod" AS ENUM ('CONSENT', 'CARE_TEAM', 'RECORD_CREATION');

-- CreateEnum
CREATE TYPE "BlockRequestedBy" AS ENUM ('PATIENT', 'TREATING_DOCTOR');

-- CreateEnum
CREATE TYPE "OtpPurpose" AS ENUM ('LOGIN', 'SIGNUP', 'PASSWORD_RESET', 'CONTACT_CHANGE');

-- CreateEnum
CREATE TYPE "LoginAttemptKind" AS ENUM ('PASSWORD', 'OTP', 'PIN');

-- CreateEnum
CREATE TYPE "ReimbursementCategory" AS ENUM ('PHARMACY', 'HOSPITAL_STAY', 'CARE', 'RADIOLOGY');

-- CreateEnum
CREATE TYPE "FeedOutcome" AS ENUM ('FED_OK', 'CERTIFICATION_KO', 'RECORD_NOT_FOUND', 'RECORD_CLOSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "IdentityStatus" AS ENUM ('PROVISIONAL', 'QUALIFIED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('RECORD_CREATED', 'FIRST_CONSULTATION', 'NEW_DOCUMENT', 'EMERGENCY_ACCESS', 'RECORD_CLOSED', 'RECORD_REACTIVATED', 'DOCUMENT_REVEALED');

-- CreateEnum
CREATE TYPE "NotificationAudience" AS ENUM ('EVERYONE', 'PATIENT', 'LEGAL_REPRESENTATIVES');

-- CreateTable
CREATE TABLE "Beneficiary" (
    "id" TEXT NOT NULL,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "sex" "Sex" NOT NULL,
    "vitaleSerial" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "patientId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "namespaceId" TEXT,

    CONSTRAINT "Beneficiary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "birthName" TEXT,
    "sex" "Sex" NOT NULL,
    "department" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "notifyByEmail" BOOLEAN NOT NULL DEFAULT true,
    "notifyBySms" BOOLEAN NOT NULL DEFAULT false,
    "recordStatus" "RecordStatus" NOT NULL DEFAULT 'OPEN',
    "recordOpenedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "deletionPlannedAt" TIMESTAMP(3),
    "breakGlassAllowed" BOOLEAN NOT NULL DEFAULT true,
    "samuAllowed" BOOLEAN NOT NULL DEFAULT true,
    "careTeamAllowed" BOOLEAN NOT NULL DEFAULT true,
    "reimbursementsLoadedAt" TIMESTAMP(3),
    "treatingDoctorId" TEXT,
    "treatingDoctorSince" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "namespaceId" TEXT,

    CONSTRAINT "Patient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "loginId" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "otpChannel" "OtpChannel" NOT NULL DEFAULT 'EMAIL',
    "failedPasswordCount" INTEGER NOT NULL DEFAULT 0,
    "failedOtpCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "namespaceId" TEXT,
    "patientId" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalRepresentation" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegalRepresentation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyContact" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmergencyContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Structure" (
    "id" TEXT NOT NULL,
    "finess" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "StructureKind" NOT NULL,
    "city" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "namespaceId" TEXT,

    CONSTRAINT "Structure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Professional" (
    "id" TEXT NOT NULL,
    "idNat" TEXT NOT NULL,
    "rpps" TEXT,
    "kind" "ProfessionalKind" NOT NULL DEFAULT 'HEALTH_PROFESSIONAL',
    "title" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "profession" TEXT,
    "specialty" TEXT,
    "isSamuRegulator" BOOLEAN NOT NULL DEFAULT false,
    "isOperator" BOOLEAN NOT NULL DEFAULT false,
    "email" TEXT,
    "structureId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "namespaceId" TEXT,

    CONSTRAINT "Professional_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateAuthority" (
    "id" TEXT NOT NULL,
    "kind" "CertificateAuthorityKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "privateKeyPem" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateAuthority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CpsCard" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "status" "CardStatus" NOT NULL DEFAULT 'ACTIVE',
    "pinHash" TEXT NOT NULL,
    "pukHash" TEXT NOT NULL,
    "pinTries" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "opposedAt" TIMESTAMP(3),
    "keySecret" TEXT NOT NULL DEFAULT '',
    "keyGeneration" INTEGER NOT NULL DEFAULT 1,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CpsCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StructureCertificate" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "status" "CardStatus" NOT NULL DEFAULT 'ACTIVE',
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StructureCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsedClientAssertion" (
    "key" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsedClientAssertion_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CardChallenge" (
    "id" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "cardSerial" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProfessionalAuthorization" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "method" "AuthorizationMethod" NOT NULL DEFAULT 'CONSENT',
    "consentAt" TIMESTAMP(3) NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT NOT NULL,
    "lastAccessAt" TIMESTAMP(3),

    CONSTRAINT "ProfessionalAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatientBlock" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "requestedBy" "BlockRequestedBy" NOT NULL DEFAULT 'PATIENT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatientBlock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyAccess" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "professionalId" TEXT NOT NULL,
    "mode" "AccessMode" NOT NULL,
    "justification" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmergencyAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HabilitationRule" (
    "id" TEXT NOT NULL,
    "profession" TEXT NOT NULL,
    "specialty" TEXT NOT NULL DEFAULT '*',
    "typeCode" TEXT NOT NULL,
    "canRead" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HabilitationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "uniqueId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "typeCode" TEXT NOT NULL,
    "classCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" TEXT,
    "authorAccountId" TEXT,
    "structureId" TEXT,
    "serviceDate" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confidentiality" "Confidentiality" NOT NULL DEFAULT 'N',
    "hiddenFromPros" BOOLEAN NOT NULL DEFAULT false,
    "hiddenFromPatient" BOOLEAN NOT NULL DEFAULT false,
    "hiddenFromLegalReps" BOOLEAN NOT NULL DEFAULT false,
    "source" "DocumentSource" NOT NULL,
    "status" "DocumentStatus" NOT NULL DEFAULT 'ACTIVE',
    "replacesId" TEXT,
    "opposedAt" TIMESTAMP(3),
    "oppositionReason" TEXT,
    "revealedAt" TIMESTAMP(3),
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sha1" TEXT,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentContent" (
    "documentId" TEXT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DocumentContent_pkey" PRIMARY KEY ("documentId")
);

-- CreateTable
CREATE TABLE "Allergy" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "substance" TEXT NOT NULL,
    "reaction" TEXT,
    "severity" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Allergy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Treatment" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "medication" TEXT NOT NULL,
    "dosage" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "endDate" TEXT,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Treatment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReimbursementItem" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "category" "ReimbursementCategory" NOT NULL,
    "date" TEXT NOT NULL,
    "actCode" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "specialty" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "amountCents" INTEGER NOT NULL,

    CONSTRAINT "ReimbursementItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Trace" (
    "id" SERIAL NOT NULL,
    "patientId" TEXT,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "actorProfession" TEXT,
    "actorStructure" TEXT,
    "action" TEXT NOT NULL,
    "documentId" TEXT,
    "mode" "AccessMode" NOT NULL DEFAULT 'NORMAL',
    "justification" TEXT,
    "outcome" "TraceOutcome" NOT NULL DEFAULT 'ALLOWED',
    "reason" TEXT,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipAddress" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "Trace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraceSeal" (
    "id" SERIAL NOT NULL,
    "patientId" TEXT,
    "lastTraceId" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraceSeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "audience" "NotificationAudience" NOT NULL DEFAULT 'EVERYONE',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentEmail" BOOLEAN NOT NULL DEFAULT false,
    "sentSms" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailMessage" (
    "id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "sender" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "otpCode" TEXT,
    "otpPurpose" "OtpPurpose",
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "namespaceId" TEXT,

    CONSTRAINT "MailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SmsMessage" (
    "id" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "otpCode" TEXT,
    "otpPurpose" "OtpPurpose",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "namespaceId" TEXT,

    CONSTRAINT "SmsMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OtpChallenge" (
    "id" TEXT NOT NULL,
    "accountId" TEXT,
    "purpose" "OtpPurpose" NOT NULL,
    "channel" "OtpChannel" NOT NULL,
    "destination" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "payload" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "consumedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OtpChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttemptThrottle" (
    "subject" TEXT NOT NULL,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "AttemptThrottle_pkey" PRIMARY KEY ("subject")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "accountId" TEXT,
    "subject" TEXT NOT NULL,
    "kind" "LoginAttemptKind" NOT NULL,
    "success" BOOLEAN NOT NULL,
    "ipAddress" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StructurePatient" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "localId" TEXT NOT NULL,
    "nir" TEXT,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL DEFAULT 1,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "identityStatus" "IdentityStatus" NOT NULL DEFAULT 'QUALIFIED',
    "patientId" TEXT,

    CONSTRAINT "StructurePatient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedSubmission" (
    "id" TEXT NOT NULL,
    "structureId" TEXT NOT NULL,
    "professionalId" TEXT,
    "documentUniqueId" TEXT NOT NULL,
    "nir" TEXT NOT NULL,
    "birthDate" TEXT NOT NULL,
    "birthRank" INTEGER NOT NULL,
    "outcome" "FeedOutcome" NOT NULL,
    "detail" TEXT,
    "patientId" TEXT,
    "documentId" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SandboxNamespace" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "deletingAt" TIMESTAMP(3),

    CONSTRAINT "SandboxNamespace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxClock" (
    "key" TEXT NOT NULL,
    "offsetMs" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxClock_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_patientId_key" ON "Beneficiary"("patientId");

-- CreateIndex
CREATE INDEX "Beneficiary_vitaleSerial_idx" ON "Beneficiary"("vitaleSerial");

-- CreateIndex
CREATE INDEX "Beneficiary_namespaceId_idx" ON "Beneficiary"("namespaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Beneficiary_nir_birthDate_birthRank_key" ON "Beneficiary"("nir", "birthDate", "birthRank");

-- CreateIndex
CREATE INDEX "Patient_lastName_birthDate_idx" ON "Patient"("lastName", "birthDate");

-- CreateIndex
CREATE INDEX "Patient_treatingDoctorId_idx" ON "Patient"("treatingDoctorId");

-- CreateIndex
CREATE INDEX "Patient_department_recordStatus_idx" ON "Patient"("department", "recordStatus");

-- CreateIndex
CREATE INDEX "Patient_reimbursementsLoadedAt_idx" ON "Patient"("reimbursementsLoadedAt");

-- CreateIndex
CREATE INDEX "Patient_namespaceId_idx" ON "Patient"("namespaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_nir_birthDate_birthRank_key" ON "Patient"("nir", "birthDate", "birthRank");

-- CreateIndex
CREATE UNIQUE INDEX "Account_loginId_key" ON "Account"("loginId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_patientId_key" ON "Account"("patientId");

-- CreateIndex
CREATE INDEX "Account_namespaceId_idx" ON "Account"("namespaceId");

-- CreateIndex
CREATE INDEX "LegalRepresentation_patientId_idx" ON "LegalRepresentation"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalRepresentation_accountId_patientId_key" ON "LegalRepresentation"("accountId", "patientId");

-- CreateIndex
CREATE INDEX "EmergencyContact_patientId_idx" ON "EmergencyContact"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Structure_finess_key" ON "Structure"("finess");

-- CreateIndex
CREATE INDEX "Structure_namespaceId_idx" ON "Structure"("namespaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Professional_idNat_key" ON "Professional"("idNat");

-- CreateIndex
CREATE INDEX "Professional_lastName_idx" ON "Professional"("lastName");

-- CreateIndex
CREATE INDEX "Professional_structureId_idx" ON "Professional"("structureId");

-- CreateIndex
CREATE INDEX "Professional_namespaceId_idx" ON "Professional"("namespaceId");

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
CREATE INDEX "UsedClientAssertion_expiresAt_idx" ON "UsedClientAssertion"("expiresAt");

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
CREATE INDEX "Document_patientId_status_serviceDate_submittedAt_id_idx" ON "Document"("patientId", "status", "serviceDate", "submittedAt", "id");

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
CREATE INDEX "Trace_patientId_actorKind_actorId_actorName_documentId_idx" ON "Trace"("patientId", "actorKind", "actorId", "actorName", "documentId");

-- CreateIndex
CREATE INDEX "Trace_patientId_documentId_idx" ON "Trace"("patientId", "documentId");

-- CreateIndex
CREATE INDEX "TraceSeal_patientId_id_idx" ON "TraceSeal"("patientId", "id");

-- CreateIndex
CREATE INDEX "TraceSeal_lastTraceId_idx" ON "TraceSeal"("lastTraceId");

-- CreateIndex
CREATE INDEX "Notification_patientId_createdAt_idx" ON "Notification"("patientId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE INDEX "MailMessage_recipient_receivedAt_idx" ON "MailMessage"("recipient", "receivedAt");

-- CreateIndex
CREATE INDEX "MailMessage_namespaceId_idx" ON "MailMessage"("namespaceId");

-- CreateIndex
CREATE INDEX "SmsMessage_recipient_createdAt_idx" ON "SmsMessage"("recipient", "createdAt");

-- CreateIndex
CREATE INDEX "SmsMessage_namespaceId_idx" ON "SmsMessage"("namespaceId");

-- CreateIndex
CREATE INDEX "OtpChallenge_accountId_purpose_createdAt_idx" ON "OtpChallenge"("accountId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_subject_at_idx" ON "LoginAttempt"("subject", "at");

-- CreateIndex
CREATE UNIQUE INDEX "StructurePatient_structureId_localId_key" ON "StructurePatient"("structureId", "localId");

-- CreateIndex
CREATE INDEX "FeedSubmission_structureId_submittedAt_idx" ON "FeedSubmission"("structureId", "submittedAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_expire_idx" ON "RateLimitCounter"("expire");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxNamespace_tokenHash_key" ON "SandboxNamespace"("tokenHash");

-- AddForeignKey
ALTER TABLE "Beneficiary" ADD CONSTRAINT "Beneficiary_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Patient" ADD CONSTRAINT "Patient_treatingDoctorId_fkey" FOREIGN KEY ("treatingDoctorId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "LegalRepresentation" ADD CONSTRAINT "LegalRepresentation_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "LegalRepresentation" ADD CONSTRAINT "LegalRepresentation_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "EmergencyContact" ADD CONSTRAINT "EmergencyContact_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Professional" ADD CONSTRAINT "Professional_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "CpsCard" ADD CONSTRAINT "CpsCard_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "StructureCertificate" ADD CONSTRAINT "StructureCertificate_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "ProfessionalAuthorization" ADD CONSTRAINT "ProfessionalAuthorization_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "ProfessionalAuthorization" ADD CONSTRAINT "ProfessionalAuthorization_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "ProfessionalAuthorization" ADD CONSTRAINT "ProfessionalAuthorization_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "PatientBlock" ADD CONSTRAINT "PatientBlock_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "PatientBlock" ADD CONSTRAINT "PatientBlock_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "EmergencyAccess" ADD CONSTRAINT "EmergencyAccess_professionalId_fkey" FOREIGN KEY ("professionalId") REFERENCES "Professional"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Professional"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "DocumentContent" ADD CONSTRAINT "DocumentContent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Allergy" ADD CONSTRAINT "Allergy_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Treatment" ADD CONSTRAINT "Treatment_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "ReimbursementItem" ADD CONSTRAINT "ReimbursementItem_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Trace" ADD CONSTRAINT "Trace_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "OtpChallenge" ADD CONSTRAINT "OtpChallenge_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "LoginAttempt" ADD CONSTRAINT "LoginAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "StructurePatient" ADD CONSTRAINT "StructurePatient_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "StructurePatient" ADD CONSTRAINT "StructurePatient_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "FeedSubmission" ADD CONSTRAINT "FeedSubmission_structureId_fkey" FOREIGN KEY ("structureId") REFERENCES "Structure"("id") ON DELETE RESTRICT ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;

-- AddForeignKey
ALTER TABLE "FeedSubmission" ADD CONSTRAINT "FeedSubmission_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE SET NULL ON UPDATE CASCADE DEFERRABLE INITIALLY IMMEDIATE;


-- Traces and their seals are append-only in the database itself (the SQLite history's
-- triggers, 20261204174817_trace_append_only_and_seals and
-- 20261204203656_sandbox_namespaces_and_clock): an UPDATE is always refused; a DELETE
-- only for the traces of a patient whose sandbox namespace is being deleted.
CREATE FUNCTION "refuse_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- OLD exists only for a row's DELETE (not for TRUNCATE): tested apart.
    IF TG_OP = 'DELETE' THEN
        IF OLD."patientId" IS NOT NULL AND EXISTS (
            SELECT 1 FROM "Patient" p JOIN "SandboxNamespace" n ON n."id" = p."namespaceId"
            WHERE p."id" = OLD."patientId" AND n."deletingAt" IS NOT NULL
        ) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER "Trace_no_update" BEFORE UPDATE ON "Trace" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "Trace_no_delete" BEFORE DELETE ON "Trace" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "TraceSeal_no_update" BEFORE UPDATE ON "TraceSeal" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "TraceSeal_no_delete" BEFORE DELETE ON "TraceSeal" FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();

-- TRUNCATE fires no row trigger: refused by a statement trigger of its own (the sandbox
-- reset disables it inside its transaction, lib/sandbox/postgresql-demo-template.ts).
CREATE TRIGGER "Trace_no_truncate" BEFORE TRUNCATE ON "Trace" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
CREATE TRIGGER "TraceSeal_no_truncate" BEFORE TRUNCATE ON "TraceSeal" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
