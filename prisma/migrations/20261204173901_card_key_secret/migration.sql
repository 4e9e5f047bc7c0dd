-- The card's secure element (secret the card file's key is wrapped under) and its generation.
ALTER TABLE "CpsCard" ADD COLUMN "keySecret" TEXT NOT NULL DEFAULT '';
ALTER TABLE "CpsCard" ADD COLUMN "keyGeneration" INTEGER NOT NULL DEFAULT 1;
