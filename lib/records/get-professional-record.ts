import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TProfessionalActor } from "@/lib/access/actor";
import { canBlockAtPatientRequest, canReadOtherProfessionalsTraces } from "@/lib/access/record-actions";
import { canReadHealthProfile } from "@/lib/access/health-profile";
import { describeDecision } from "@/lib/access/decision";
import { findDocuments, type TDocumentPage } from "@/lib/documents/find-documents";
import type { TDocumentListItem } from "@/lib/documents/document-list-item";
import { loadReplacer, mayReplaceDocument } from "@/lib/documents/replaceable-document";
import type { TDocumentFilters } from "@/lib/documents/document-filters";
import { openRecord } from "@/lib/record-door/open-record";
import { platformNow } from "@/lib/clock/clock";

export type TProfessionalRecord = {
  patient: {
    id: string;
    firstName: string;
    lastName: string;
    birthName: string | null;
    birthDate: string;
    birthRank: number;
    sex: "M" | "F";
    nir: string;
    recordOpenedAt: Date;
  };
  access: {
    rule: string;
    mode: "NORMAL" | "SAMU" | "BREAK_GLASS";
    isTreatingDoctor: boolean;
    description: string;
    /** Rules OTHER_PROFESSIONALS_TRACES and BLOCK_AT_PATIENT_REQUEST, so the page offers only what will be allowed. */
    mayReadOtherProfessionalsTraces: boolean;
    mayBlockAtPatientRequest: boolean;
  };
  /** mayReplace: the portal offers « Remplacer » (canReplaceDocument, as the replacement decides). */
  documents: Omit<TDocumentPage, "items"> & { items: (TDocumentListItem & { mayReplace: boolean })[] };
  /** Type codes this professional may read (for the filter list). */
  summary: {
    /** HEALTH_PROFILE: allergies and treatments are sections of the health profile (empty, not queried, when refused). */
    isProfileAllowed: boolean;
    allergies: { id: string; substance: string; reaction: string | null; severity: string | null; updatedAt: Date }[];
    treatments: { id: string; medication: string; dosage: string; startDate: string; endDate: string | null; updatedAt: Date }[];
    emergencyContacts: { id: string; name: string; relationship: string; phone: string }[];
    careTeam: { professionalId: string; name: string; profession: string | null; specialty: string | null; isTreatingDoctor: boolean }[];
  };
};

function fullName(p: { title: string | null; firstName: string; lastName: string }): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}

/**
 * The record as a professional sees it: opens it through the policy (RECORD_VIEW trace,
 * refusals included, NOT_FOUND when refused), then the documents the policy lets them
 * read (filtered and counted in the database) and the summary. The reimbursement statement
 * is its own component (components/reimbursements), which asks the REIMBURSEMENTS rule itself.
 */
export async function getProfessionalRecord(
  prisma: PrismaClient,
  actor: TProfessionalActor,
  patientId: string,
  filters: TDocumentFilters,
  request: { ipAddress?: string | null; now?: Date } = {},
): Promise<TProfessionalRecord> {
  const { ctx, decision } = await openRecord(prisma, actor, patientId, request);
  const now = request.now ?? platformNow();
  const isProfileAllowed = canReadHealthProfile(actor, ctx).allowed;
  // Without the matrix row PROFIL_MEDICAL no allergy or treatment row is read (an empty id list matches none).
  const profileWhere = isProfileAllowed ? {} : { id: { in: [] as string[] } };
  const [patient, documents, authorizations, replacer] = await Promise.all([
    prisma.patient.findUniqueOrThrow({
      where: { id: ctx.patientId },
      include: {
        allergies: { where: profileWhere, orderBy: { substance: "asc" } },
        treatments: { where: profileWhere, orderBy: [{ endDate: "asc" }, { startDate: "desc" }] },
        emergencyContacts: { orderBy: { createdAt: "asc" } },
        treatingDoctor: { select: { id: true, title: true, firstName: true, lastName: true, profession: true, specialty: true } },
      },
    }),
    findDocuments(prisma, actor, ctx, filters),
    prisma.professionalAuthorization.findMany({
      where: { patientId: ctx.patientId },
      include: { professional: { select: { id: true, title: true, firstName: true, lastName: true, profession: true, specialty: true } } },
      orderBy: { recordedAt: "asc" },
    }),
    loadReplacer(prisma, actor.professionalId),
  ]);
  await prisma.professionalAuthorization.updateMany({
    where: { patientId: ctx.patientId, professionalId: actor.professionalId },
    data: { lastAccessAt: now },
  });
  const careTeam: TProfessionalRecord["summary"]["careTeam"] = [];
  if (patient.treatingDoctor) {
    const d = patient.treatingDoctor;
    careTeam.push({ professionalId: d.id, name: fullName(d), profession: d.profession, specialty: d.specialty, isTreatingDoctor: true });
  }
  for (const a of authorizations) {
    if (a.professional.id === patient.treatingDoctor?.id) continue;
    const p = a.professional;
    careTeam.push({ professionalId: p.id, name: fullName(p), profession: p.profession, specialty: p.specialty, isTreatingDoctor: false });
  }
  return {
    patient: {
      id: patient.id,
      firstName: patient.firstName,
      lastName: patient.lastName,
      birthName: patient.birthName,
      birthDate: patient.birthDate,
      birthRank: patient.birthRank,
      sex: patient.sex,
      nir: patient.nir,
      recordOpenedAt: patient.recordOpenedAt,
    },
    access: {
      rule: decision.rule,
      mode: decision.mode,
      isTreatingDoctor: ctx.isTreatingDoctor,
      description: describeDecision(decision),
      mayReadOtherProfessionalsTraces: canReadOtherProfessionalsTraces(actor, ctx).allowed,
      mayBlockAtPatientRequest: canBlockAtPatientRequest(actor, ctx).allowed,
    },
    documents: { ...documents, items: documents.items.map((d) => ({ ...d, mayReplace: mayReplaceDocument(replacer, d) })) },
    summary: {
      isProfileAllowed,
      allergies: patient.allergies.map((a) => ({ id: a.id, substance: a.substance, reaction: a.reaction, severity: a.severity, updatedAt: a.updatedAt })),
      treatments: patient.treatments.map((t) => ({ id: t.id, medication: t.medication, dosage: t.dosage, startDate: t.startDate, endDate: t.endDate, updatedAt: t.updatedAt })),
      emergencyContacts: patient.emergencyContacts.map((c) => ({ id: c.id, name: c.name, relationship: c.relationship, phone: c.phone })),
      careTeam,
    },
  };
}
