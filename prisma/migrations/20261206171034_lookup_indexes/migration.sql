-- CreateIndex
CREATE INDEX "Professional_rpps_idx" ON "Professional"("rpps");

-- CreateIndex
CREATE INDEX "CardChallenge_cardSerial_idx" ON "CardChallenge"("cardSerial");

-- CreateIndex
CREATE INDEX "HospitalDocument_structurePatientId_createdAt_idx" ON "HospitalDocument"("structurePatientId", "createdAt");

-- CreateIndex
CREATE INDEX "NirRequest_structurePatientId_status_idx" ON "NirRequest"("structurePatientId", "status");

