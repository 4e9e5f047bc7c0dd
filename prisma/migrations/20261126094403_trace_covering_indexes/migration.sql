-- DropIndex
DROP INDEX "Trace_patientId_actorKind_actorId_actorName_idx";

-- CreateIndex
CREATE INDEX "Trace_patientId_actorKind_actorId_actorName_documentId_idx" ON "Trace"("patientId", "actorKind", "actorId", "actorName", "documentId");

-- CreateIndex
CREATE INDEX "Trace_patientId_documentId_idx" ON "Trace"("patientId", "documentId");

