-- DropIndex
DROP INDEX "Document_patientId_status_serviceDate_submittedAt_id_idx";

-- CreateIndex
CREATE INDEX "Document_list_idx" ON "Document"("patientId", "status", "serviceDate", "submittedAt", "id", "hiddenFromPatient", "hiddenFromLegalReps", "hiddenFromPros", "opposedAt", "authorId", "typeCode");

