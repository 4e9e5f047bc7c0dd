-- DropIndex
DROP INDEX "Document_patientId_status_serviceDate_idx";

-- CreateIndex
CREATE INDEX "ProfessionalAuthorization_recordedById_idx" ON "ProfessionalAuthorization"("recordedById");

-- CreateIndex
CREATE INDEX "EmergencyAccess_professionalId_idx" ON "EmergencyAccess"("professionalId");

-- CreateIndex
CREATE INDEX "Document_structureId_idx" ON "Document"("structureId");

-- CreateIndex
CREATE INDEX "LoginAttempt_accountId_idx" ON "LoginAttempt"("accountId");

-- CreateIndex
CREATE INDEX "StructurePatient_patientId_idx" ON "StructurePatient"("patientId");

-- CreateIndex
CREATE INDEX "FeedSubmission_patientId_idx" ON "FeedSubmission"("patientId");

-- CreateIndex
CREATE INDEX "RectificationRequest_documentId_idx" ON "RectificationRequest"("documentId");

