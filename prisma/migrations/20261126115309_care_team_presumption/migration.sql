-- Care-team presumption: on unless the patient objects.
ALTER TABLE "Patient" ADD COLUMN "careTeamAllowed" BOOLEAN NOT NULL DEFAULT true;
