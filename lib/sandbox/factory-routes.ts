import "server-only";
import { prisma } from "@/lib/db/client";
import { handleFactoryRequest } from "./handle-factory-request";
import { beneficiaryInputSchema, createSandboxBeneficiary } from "./create-beneficiary";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";
import { createSandboxStructure, structureInputSchema } from "./create-structure";
import { createSandboxRelation, relationInputSchema } from "./relations";

/** The factories on the application's database, one per route of app/api/sandbox. */
export const postSandboxBeneficiary = (request: Request) => handleFactoryRequest(request, prisma, beneficiaryInputSchema, createSandboxBeneficiary);
export const postSandboxPatient = (request: Request) => handleFactoryRequest(request, prisma, patientInputSchema, createSandboxPatient);
export const postSandboxStructure = (request: Request) => handleFactoryRequest(request, prisma, structureInputSchema, createSandboxStructure);
export const postSandboxRelation = (request: Request) => handleFactoryRequest(request, prisma, relationInputSchema, createSandboxRelation);
export const postSandboxProfessional = (request: Request) => handleFactoryRequest(request, prisma, professionalInputSchema, createSandboxProfessional);
