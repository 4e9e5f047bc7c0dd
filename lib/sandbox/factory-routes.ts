import "server-only";
import { prisma } from "@/lib/db/client";
import { handleFactoryRequest } from "./handle-factory-request";
import { beneficiaryInputSchema, createSandboxBeneficiary } from "./create-beneficiary";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxStructure, structureInputSchema } from "./create-structure";
import { createSandboxRelation, relationInputSchema } from "./relations";
import { createSandboxMinor, minorInputSchema } from "./create-minor";
import { admissionInputSchema, admitSandboxPatient } from "./admit-patient";
import { createSandboxDocument, DOCUMENT_MAX_BODY_BYTES, documentInputSchema } from "./create-document";
import { loadSandboxReimbursements, reimbursementsInputSchema } from "./load-reimbursements";
import { healthProfileInputSchema, loadSandboxHealthProfile } from "./load-health-profile";

/** The factories on the application's database, one per route of app/api/sandbox. */
export const postSandboxBeneficiary = (request: Request) => handleFactoryRequest(request, prisma, beneficiaryInputSchema, createSandboxBeneficiary);
export const postSandboxPatient = (request: Request) => handleFactoryRequest(request, prisma, patientInputSchema, createSandboxPatient);
export const postSandboxStructure = (request: Request) => handleFactoryRequest(request, prisma, structureInputSchema, createSandboxStructure);
export const postSandboxRelation = (request: Request) => handleFactoryRequest(request, prisma, relationInputSchema, createSandboxRelation);
export const postSandboxDocument = (request: Request) =>
  handleFactoryRequest(request, prisma, documentInputSchema, createSandboxDocument, DOCUMENT_MAX_BODY_BYTES);
export const postSandboxMinor = (request: Request) => handleFactoryRequest(request, prisma, minorInputSchema, createSandboxMinor);
export const postSandboxProfessional = (request: Request) => handleFactoryRequest(request, prisma, professionalInputSchema, createSandboxProfessional);
export const postSandboxAdmission = (request: Request) => handleFactoryRequest(request, prisma, admissionInputSchema, admitSandboxPatient);
export const postSandboxHealthProfile = (request: Request) => handleFactoryRequest(request, prisma, healthProfileInputSchema, loadSandboxHealthProfile);
export const postSandboxReimbursements = (request: Request) => handleFactoryRequest(request, prisma, reimbursementsInputSchema, loadSandboxReimbursements);
