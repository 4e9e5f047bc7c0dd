-- The reimbursement history as the Assurance Maladie statement shows it (issue 18): no amounts
-- (the statement has none), active ingredients, the « H » mark, length of stay, a care profile.
-- AlterTable
ALTER TABLE "Patient" ADD COLUMN "reimbursementProfile" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReimbursementItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "patientId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "actCode" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "specialty" TEXT,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "activeIngredients" TEXT,
    "deliveredInHospital" BOOLEAN NOT NULL DEFAULT false,
    "stayDays" INTEGER,
    CONSTRAINT "ReimbursementItem_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReimbursementItem" ("actCode", "category", "date", "id", "label", "patientId", "quantity", "specialty") SELECT "actCode", "category", "date", "id", "label", "patientId", "quantity", "specialty" FROM "ReimbursementItem";
DROP TABLE "ReimbursementItem";
ALTER TABLE "new_ReimbursementItem" RENAME TO "ReimbursementItem";
CREATE INDEX "ReimbursementItem_patientId_date_idx" ON "ReimbursementItem"("patientId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Lines loaded before carry neither active ingredients nor lengths of stay: they are dropped and
-- the records marked for loading again, so the background job brings the statement's 24 months
-- back in the new form (the history is the insurance's to send again, nothing is lost).
DELETE FROM "ReimbursementItem";
UPDATE "Patient" SET "reimbursementsLoadedAt" = NULL;
