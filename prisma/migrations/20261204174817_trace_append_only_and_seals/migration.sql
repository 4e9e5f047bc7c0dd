-- CreateTable
CREATE TABLE "TraceSeal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "patientId" TEXT,
    "lastTraceId" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "sealedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "TraceSeal_patientId_id_idx" ON "TraceSeal"("patientId", "id");

-- CreateIndex
CREATE INDEX "TraceSeal_lastTraceId_idx" ON "TraceSeal"("lastTraceId");


-- Traces and their seals are append-only in the database itself: whatever the code path,
-- an UPDATE or DELETE is refused (SQLite triggers; PostgreSQL will need its own).
CREATE TRIGGER "Trace_no_update" BEFORE UPDATE ON "Trace"
BEGIN
    SELECT RAISE(ABORT, 'Trace is append-only: UPDATE refused');
END;

CREATE TRIGGER "Trace_no_delete" BEFORE DELETE ON "Trace"
BEGIN
    SELECT RAISE(ABORT, 'Trace is append-only: DELETE refused');
END;

CREATE TRIGGER "TraceSeal_no_update" BEFORE UPDATE ON "TraceSeal"
BEGIN
    SELECT RAISE(ABORT, 'TraceSeal is append-only: UPDATE refused');
END;

CREATE TRIGGER "TraceSeal_no_delete" BEFORE DELETE ON "TraceSeal"
BEGIN
    SELECT RAISE(ABORT, 'TraceSeal is append-only: DELETE refused');
END;
