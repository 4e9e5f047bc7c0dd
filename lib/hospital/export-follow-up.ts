import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { AppError } from "@/lib/errors/app-error";
import { appendTrace } from "@/lib/traces/append-trace";
import { traceActorFields } from "@/lib/traces/actor-fields";
import { platformNow } from "@/lib/clock/clock";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { establishmentOf, loadEstablishmentUser } from "./establishment-person";
import { maskingLabel } from "./masking";
import { DMP_EXPORT_NEXT_STEP, DMP_EXPORT_STATUS_LABELS, holdBackLabel, RESENDABLE } from "./export-status";
import { hasNir } from "./hospital-documents";
import { agree, bornOn } from "@/lib/text/french";
import { ZRowId } from "@/lib/http/row-id";

type TRequest = { ipAddress?: string | null; now?: Date };

/** The patient's secure mailbox of Mon espace santé: the INS (NIR) at patient.mssante.fr. */
export function patientMailbox(nir: string): string {
  return `${nir}@patient.mssante.fr`;
}

/** A professional's MSSanté address: any address of an MSSanté domain (…mssante.fr). */
export const ZMssanteInput = z.object({
  documentId: ZRowId,
  recipient: z.union([
    z.literal("PATIENT"),
    z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("Adresse MSSanté invalide.").refine((a) => /@([a-z0-9-]+\.)*mssante\.fr$/.test(a), "L'adresse doit être une messagerie sécurisée de santé (domaine mssante.fr).")),
  ]),
});

async function hospitalUser(db: Db, actor: TProActor) {
  const user = await loadEstablishmentUser(db, actor.professionalId);
  const structure = establishmentOf(user);
  if (!user || !structure) throw new AppError("FORBIDDEN", "Le simulateur hospitalier est réservé au personnel d'un établissement de santé.");
  return { user, structure };
}

/**
 * « Suivi export dossier médical patient »: for one patient of the establishment, every
 * document with its destinations (DMP, MSSanté), status and reason, dates, who validated,
 * and the actions that apply.
 */
export async function exportFollowUp(db: Db, actor: TProActor, structurePatientId: string) {
  const { structure } = await hospitalUser(db, actor);
  const patient = await db.structurePatient.findFirst({
    where: { id: structurePatientId.slice(0, 64), structureId: structure.id },
    select: { id: true, localId: true, firstName: true, lastName: true, birthDate: true, birthRank: true, nir: true, identityStatus: true },
  });
  if (!patient) return null;
  const docs = await db.hospitalDocument.findMany({ where: { structurePatientId: patient.id }, orderBy: { createdAt: "desc" } });
  const peopleIds = [...new Set(docs.flatMap((d) => [d.authorId, d.validatedById].filter((x): x is string => Boolean(x))))];
  const people = await db.professional.findMany({ where: { id: { in: peopleIds } }, select: { id: true, title: true, firstName: true, lastName: true } });
  const nameOf = new Map(people.map((p) => [p.id, [p.title, p.firstName, p.lastName].filter(Boolean).join(" ")]));
  const pendingNir = await db.nirRequest.findFirst({ where: { structurePatientId: patient.id, status: "PENDING" }, select: { desk: true, requestedAt: true } });
  return {
    structure,
    patient,
    hasNir: hasNir(patient),
    pendingNir,
    documents: docs.map((d) => ({
      id: d.id,
      title: d.title,
      typeLabel: `${documentTypeLabel(d.typeCode)} (${d.typeCode})`,
      origin: d.origin,
      status: d.status,
      dmpStatus: d.dmpStatus,
      dmpStatusLabel: d.status === "DRAFT" ? "Brouillon (non validé)" : DMP_EXPORT_STATUS_LABELS[d.dmpStatus],
      reason: d.dmpStatus === "HELD_BACK" ? holdBackLabel(d.holdReason, d.holdText) : d.dmpMessage,
      nextStep: d.status === "VALIDATED" ? (DMP_EXPORT_NEXT_STEP[d.dmpStatus] ?? null) : null,
      masking: maskingLabel(d.masking),
      destinations: [d.sendToDmp || d.dmpSentAt ? "DMP" : null, d.mssanteSentAt ? "MSSanté" : null].filter((x): x is string => x !== null),
      createdAt: d.createdAt,
      validatedAt: d.validatedAt,
      validatedBy: d.validatedById ? (nameOf.get(d.validatedById) ?? "") : null,
      author: nameOf.get(d.authorId) ?? "",
      dmpSentAt: d.dmpSentAt,
      dmpAttempts: d.dmpAttempts,
      mssanteRecipient: d.mssanteRecipient,
      mssanteSentAt: d.mssanteSentAt,
      mayResend: d.status === "VALIDATED" && RESENDABLE.has(d.dmpStatus),
      mayMssante: d.status === "VALIDATED" && d.origin === "CLINICAL_SOFTWARE",
    })),
  };
}

export type TDeliver = (mail: { to: string; subject: string; text: string }) => Promise<void>;

/**
 * « Envoyer par MSSanté » instead of (or besides) the DMP: the validated document as a
 * message to the patient's secure mailbox or a professional's, simulated by the platform's
 * mail (readable in /dev/mails). The send and its trace are recorded together once the
 * message is accepted.
 */
export async function sendByMssante(db: PrismaClient, actor: TProActor, input: z.input<typeof ZMssanteInput>, deliver: TDeliver, request: TRequest = {}): Promise<{ recipient: string }> {
  const parsed = ZMssanteInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const now = request.now ?? platformNow();
  const { structure } = await hospitalUser(db, actor);
  const doc = await db.hospitalDocument.findFirst({ where: { id: parsed.data.documentId, structureId: structure.id } });
  if (!doc) throw new AppError("NOT_FOUND", "Document introuvable.");
  if (doc.status !== "VALIDATED") throw new AppError("CONFLICT", "Validez le document avant de l'envoyer par MSSanté.");
  if (doc.origin !== "CLINICAL_SOFTWARE") throw new AppError("CONFLICT", "Seul un document produit par le logiciel de l'établissement est envoyé par MSSanté.");
  const patient = await db.structurePatient.findUniqueOrThrow({ where: { id: doc.structurePatientId } });
  let recipient: string;
  if (parsed.data.recipient === "PATIENT") {
    if (!hasNir(patient)) throw new AppError("INVALID_INPUT", "La messagerie du patient est adressée par son INS : renseignez d'abord son NIR.");
    recipient = patientMailbox(patient.nir);
  } else {
    recipient = parsed.data.recipient;
  }
  await deliver({
    to: recipient,
    subject: `[MSSanté] ${doc.title} — ${structure.name}`,
    text: [
      `Message sécurisé de ${structure.name} (FINESS ${structure.finess}).`,
      `${agree(patient.sex, "Patient", "Patiente")} : ${patient.firstName} ${patient.lastName.toUpperCase()}, ${bornOn(patient.sex, patient.birthDate)} — IPP ${patient.localId}.`,
      `Document : ${doc.title} (${documentTypeLabel(doc.typeCode)}), acte du ${doc.serviceDate.split("-").reverse().join("/")}.`,
      "",
      doc.body,
    ].join("\n"),
  });
  await db.$transaction(async (tx) => {
    await tx.hospitalDocument.update({ where: { id: doc.id }, data: { mssanteRecipient: recipient, mssanteSentAt: now, updatedAt: now } });
    await appendTrace(tx, {
      patientId: null,
      ...traceActorFields({ ...actor, structureName: structure.name }),
      action: "MSSANTE_SEND",
      reason: "Messagerie sécurisée de santé",
      detail: `${structure.name} — IPP ${patient.localId} : « ${doc.title} » envoyé à ${recipient}`,
      ipAddress: request.ipAddress ?? null,
      at: now,
    });
  });
  return { recipient };
}
