-- CreateIndex
CREATE INDEX "Patient_reimbursementsLoadedAt_idx" ON "Patient"("reimbursementsLoadedAt");

-- CreateIndex
CREATE INDEX "Document_patientId_status_serviceDate_submittedAt_id_idx" ON "Document"("patientId", "status", "serviceDate", "submittedAt", "id");

-- CreateIndex
CREATE INDEX "Trace_patientId_actorKind_actorId_actorName_idx" ON "Trace"("patientId", "actorKind", "actorId", "actorName");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

