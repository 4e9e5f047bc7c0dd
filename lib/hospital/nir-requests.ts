import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { admissionsDecision, ESTABLISHMENT_RULES } from "@/lib/access/establishment-roles";
import { AppError } from "@/lib/errors/app-error";
import { nirConsistencyIssues, parseNir } from "@/lib/identity/nir";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { establishmentOf, loadEstablishmentUser } from "./establishment-person";
import { ZRowId } from "@/lib/http/row-id";

type TRequest = { ipAddress?: string | null; now?: Date };

/** The deck's two desks: hospital stays go to admissions, consultations to the outpatient desk (« traitement externe »). */
export const NIR_DESKS = { ADMISSIONS: "Admissions (hospitalisation)", OUTPATIENT: "Traitement externe (consultation)" } as const;
export type TNirDesk = keyof typeof NIR_DESKS;

export const ZNirRequest = z.object({
  structurePatientId: ZRowId,
  desk: z.enum(Object.keys(NIR_DESKS) as [TNirDesk, ...TNirDesk[]], "Choisissez le bureau : admissions ou traitement externe."),
  note: z.string().trim().max(300, "Note trop longue (300 caractères au plus).").optional(),
});

export const ZNirConfirmation = z.object({
  requestId: ZRowId,
  nir: z.string().max(30),
  birthRank: z.coerce.number("Rang de naissance : un nombre de 1 à 9.").int().min(1, "Rang de naissance : un nombre de 1 à 9.").max(9, "Rang de naissance : un nombre de 1 à 9."),
});

export const ZIdentityCorrection = z.object({
  structurePatientId: ZRowId,
  birthDate: z.iso.date("Date de naissance au format AAAA-MM-JJ."),
  birthRank: z.coerce.number("Rang de naissance : un nombre de 1 à 9.").int().min(1, "Rang de naissance : un nombre de 1 à 9.").max(9, "Rang de naissance : un nombre de 1 à 9."),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  return parsed.data;
}

async function hospitalUser(db: Db, actor: TProActor) {
  const user = await loadEstablishmentUser(db, actor.professionalId);
  const structure = establishmentOf(user);
  if (!user || !structure) throw new AppError("FORBIDDEN", "Le simulateur hospitalier est réservé au personnel d'un établissement de santé.");
  return { user, structure };
}

/** ADMISSIONS_DESK; anyone else finds no such screen (NOT_FOUND). */
async function admissionsUser(db: Db, actor: TProActor) {
  const { user, structure } = await hospitalUser(db, actor);
  const decision = admissionsDecision(user, structure.id);
  if (!decision.allowed) throw new AppError("NOT_FOUND");
  return { user, structure, reason: ESTABLISHMENT_RULES[decision.rule] };
}

const who = (p: { localId: string; firstName: string; lastName: string }) => `IPP ${p.localId} (${p.firstName} ${p.lastName.toUpperCase()})`;

/**
 * The deck's « copie de la carte Vitale + étiquette IPP » faxed to admissions, as a request
 * any user of the establishment sends for a patient without a NIR; one pending request per patient.
 */
export async function requestNir(db: PrismaClient, actor: TProActor, input: z.input<typeof ZNirRequest>, request: TRequest = {}): Promise<{ requestId: string }> {
  const data = parse(ZNirRequest, input);
  const now = request.now ?? platformNow();
  return db.$transaction(async (tx) => {
    const { user, structure } = await hospitalUser(tx, actor);
    const patient = await tx.structurePatient.findFirst({ where: { id: data.structurePatientId, structureId: structure.id } });
    if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
    if (patient.nir && patient.identityStatus === "QUALIFIED") throw new AppError("CONFLICT", "Le NIR de ce patient est déjà renseigné.");
    if (await tx.nirRequest.findFirst({ where: { structurePatientId: patient.id, status: "PENDING" }, select: { id: true } })) {
      throw new AppError("CONFLICT", "Une demande d'ajout du NIR est déjà en attente pour ce patient.");
    }
    const created = await tx.nirRequest.create({
      data: { structureId: structure.id, structurePatientId: patient.id, desk: data.desk, requestedById: user.id, requestedAt: now, note: data.note || null },
      select: { id: true },
    });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "NIR_REQUEST",
      reason: NIR_DESKS[data.desk],
      detail: `${structure.name} — ${who(patient)} : copie de la carte Vitale et étiquette IPP transmises (${NIR_DESKS[data.desk]})`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
    return { requestId: created.id };
  });
}

/** The admissions desk's screen: pending NIR requests, and the patients whose documents failed certification. */
export async function admissionsDesk(db: Db, actor: TProActor) {
  const { structure } = await admissionsUser(db, actor);
  const requests = await db.nirRequest.findMany({ where: { structureId: structure.id, status: "PENDING" }, orderBy: { requestedAt: "asc" } });
  const koDocs = await db.hospitalDocument.findMany({ where: { structureId: structure.id, dmpStatus: "CERTIFICATION_KO" }, select: { structurePatientId: true } });
  const patientIds = [...new Set([...requests.map((r) => r.structurePatientId), ...koDocs.map((d) => d.structurePatientId)])];
  const patients = await db.structurePatient.findMany({ where: { id: { in: patientIds } }, select: { id: true, localId: true, firstName: true, lastName: true, sex: true, birthDate: true, birthRank: true, nir: true } });
  const byId = new Map(patients.map((p) => [p.id, p]));
  const requesters = await db.professional.findMany({ where: { id: { in: requests.map((r) => r.requestedById) } }, select: { id: true, title: true, firstName: true, lastName: true } });
  const nameOf = new Map(requesters.map((r) => [r.id, [r.title, r.firstName, r.lastName].filter(Boolean).join(" ")]));
  return {
    structure,
    requests: requests.flatMap((r) => {
      const patient = byId.get(r.structurePatientId);
      return patient ? [{ id: r.id, desk: NIR_DESKS[r.desk as TNirDesk] ?? r.desk, requestedAt: r.requestedAt, requestedBy: nameOf.get(r.requestedById) ?? "", note: r.note, patient }] : [];
    }),
    certificationKo: [...new Set(koDocs.map((d) => d.structurePatientId))].flatMap((pid) => {
      const patient = byId.get(pid);
      return patient ? [patient] : [];
    }),
  };
}

/**
 * Admissions confirm the NIR from the copy of the Vitale card: the key is checked and so
 * is its agreement with the patient's sex and birth date; the identity becomes qualified
 * and is linked to the patient's record when the registry has one. The establishment then
 * resends the held-back documents from the « Suivi export » form.
 */
export async function confirmNir(db: PrismaClient, actor: TProActor, input: z.input<typeof ZNirConfirmation>, request: TRequest = {}): Promise<void> {
  const data = parse(ZNirConfirmation, input);
  const nir = parseNir(data.nir);
  const now = request.now ?? platformNow();
  await db.$transaction(async (tx) => {
    const { user, structure, reason } = await admissionsUser(tx, actor);
    const pending = await tx.nirRequest.findFirst({ where: { id: data.requestId, structureId: structure.id, status: "PENDING" } });
    if (!pending) throw new AppError("NOT_FOUND", "Demande introuvable ou déjà traitée.");
    const patient = await tx.structurePatient.findUniqueOrThrow({ where: { id: pending.structurePatientId } });
    const issues = nirConsistencyIssues(nir, { sex: patient.sex, birthDate: patient.birthDate });
    if (issues.length > 0) throw new AppError("INVALID_INPUT", "Ce NIR ne correspond pas au sexe ou à la date de naissance du patient : vérifiez la copie de la carte Vitale.");
    const beneficiary = await tx.beneficiary.findFirst({ where: { nir, birthDate: patient.birthDate, birthRank: data.birthRank }, select: { patientId: true } });
    await tx.structurePatient.update({
      where: { id: patient.id },
      data: { nir, birthRank: data.birthRank, identityStatus: "QUALIFIED", patientId: beneficiary?.patientId ?? patient.patientId },
    });
    await tx.nirRequest.update({ where: { id: pending.id }, data: { status: "CONFIRMED", confirmedById: user.id, confirmedAt: now } });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "NIR_CONFIRM",
      reason,
      detail: `${structure.name} — ${who(patient)} : NIR confirmé, rang de naissance ${data.birthRank}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
  });
}

/** Admissions correct the birth date or rank after a certification KO (an ID document at hand); the documents are then resent. */
export async function correctIdentity(db: PrismaClient, actor: TProActor, input: z.input<typeof ZIdentityCorrection>, request: TRequest = {}): Promise<void> {
  const data = parse(ZIdentityCorrection, input);
  const now = request.now ?? platformNow();
  await db.$transaction(async (tx) => {
    const { structure, reason } = await admissionsUser(tx, actor);
    const patient = await tx.structurePatient.findFirst({ where: { id: data.structurePatientId, structureId: structure.id } });
    if (!patient) throw new AppError("NOT_FOUND", "Patient introuvable dans cet établissement.");
    if (patient.birthDate === data.birthDate && patient.birthRank === data.birthRank) throw new AppError("INVALID_INPUT", "L'identité saisie est celle déjà enregistrée : rien à corriger.");
    await tx.structurePatient.update({ where: { id: patient.id }, data: { birthDate: data.birthDate, birthRank: data.birthRank } });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "IDENTITY_CORRECT",
      reason,
      detail: `${structure.name} — ${who(patient)} : naissance ${patient.birthDate} rang ${patient.birthRank} → ${data.birthDate} rang ${data.birthRank}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
  });
}
