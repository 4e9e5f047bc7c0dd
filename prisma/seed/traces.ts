import type { Db } from "@/lib/db/types";
import type { Account, NotificationAudience } from "@/lib/generated/prisma/client";
import { notificationText, personWithStructure, type TNotificationMessage } from "@/lib/notifications/notification-wording";
import { audiencesOf, documentNews } from "@/lib/access/notification-audience";
import { feedTraceText } from "@/lib/feed/feed-trace-text";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { createRandom, type TRandom } from "@/lib/random/prng";
import { appendTrace, type TTraceInput } from "@/lib/traces/append-trace";
import { chainTraces, type TChainedTrace } from "@/lib/traces/chain-traces";
import { describeDecision } from "@/lib/access/decision";
import {
  BLOCKS,
  EMERGENCY_EVENTS,
  emergencyEventDecision,
  professionalSpec,
  seedReadReason,
  seedRecordDecision,
  type TPlannedAuthorization,
} from "./access";
import type { TSeededDocument } from "./documents";
import { DEMO_LEGAL_REPRESENTATIONS, type TPatientKey, type TSeededPatient } from "./patients";
import { daysBefore, workingTimeAfter } from "./time";
import { professionalDisplayName, type TProfessionalKey } from "./professionals";
import { DEMO_STRUCTURES } from "./structures";

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A notification of the demo: what happened, worded by NOTIFICATION_WORDING like the product's own. */
type TNotice = { message: TNotificationMessage; audience?: NotificationAudience };

/** Who on the patient side may hear of a document so masked: the notification-audience rule of lib/access, as the platform applies it. */
function documentAudience(masking: { hiddenFromPatient: boolean; hiddenFromLegalReps: boolean }): NotificationAudience | null {
  return audiencesOf(documentNews(masking, null))[0]?.audience ?? null;
}

type TEvent = { at: Date; trace: Omit<TTraceInput, "patientId" | "at">; notice?: TNotice };

function proIp(rng: TRandom): string {
  return `10.75.${rng.int(1, 254)}.${rng.int(1, 254)}`;
}

function homeIp(rng: TRandom): string {
  return `92.184.${rng.int(1, 254)}.${rng.int(1, 254)}`;
}

/** A professional as a trace names them. */
function proFields(key: TProfessionalKey, ids: Record<TProfessionalKey, string>) {
  const spec = professionalSpec(key);
  return {
    actorKind: "PROFESSIONAL" as const,
    actorId: ids[key],
    actorName: professionalDisplayName(spec),
    actorProfession: professionWithSpecialtyLabel(spec.profession, spec.specialty),
    actorStructure: DEMO_STRUCTURES.find((s) => s.key === spec.structure)?.name ?? null,
  };
}

function proActor(key: TProfessionalKey, ids: Record<TProfessionalKey, string>, rng: TRandom) {
  return { ...proFields(key, ids), ipAddress: proIp(rng) };
}

export type TTracePlan = {
  events: Map<TPatientKey, TEvent[]>;
  /** Last access of each authorized professional ("patient|pro"), for lastAccessAt. */
  lastAccess: Map<string, Date>;
};

/**
 * A realistic, policy-consistent history per record: creation, designation of the
 * treating doctor, consents and consultations, document additions (by professionals,
 * by the hospital feed, by the patient), the patient's own actions, emergency accesses
 * and refused attempts, with the notifications the patient received.
 */
export function planTraces(
  patients: Record<TPatientKey, TSeededPatient>,
  documents: readonly TSeededDocument[],
  authorizations: readonly TPlannedAuthorization[],
  professionalIds: Record<TProfessionalKey, string>,
  accountsByLogin: Record<string, Account>,
  now: Date,
): TTracePlan {
  const events = new Map<TPatientKey, TEvent[]>();
  const lastAccess = new Map<string, Date>();
  const firstSeen = new Set<string>();

  for (const seeded of Object.values(patients)) {
    const p = seeded.spec;
    const rng = createRandom(`traces:${p.key}`);
    const list: TEvent[] = [];
    const push = (e: TEvent) => list.push(e);
    const openedAt = seeded.record.recordOpenedAt;
    const end = seeded.record.closedAt ?? now;
    const docs = documents.filter((d) => d.patientKey === p.key);
    // A minor's actions are made by their (first) legal representative.
    const representative = DEMO_LEGAL_REPRESENTATIONS.find((r) => r.minor === p.key);
    const repAccount = representative ? accountsByLogin[representative.loginId] : undefined;
    const accountName = (a: Account | undefined) => (a ? `${a.firstName} ${a.lastName}` : "Représentant légal");
    const self = seeded.account
      ? { actorKind: "PATIENT" as const, actorId: seeded.account.id, actorName: `${p.firstName} ${p.lastName}` }
      : { actorKind: "LEGAL_REPRESENTATIVE" as const, actorId: repAccount?.id ?? null, actorName: accountName(repAccount) };

    // A block applies from the day the patient asked for it.
    const isBlockedAt = (key: TProfessionalKey, at: Date) => BLOCKS.some((b) => b.patient === p.key && b.professional === key && daysBefore(now, b.daysAgo, 20) <= at);
    const consult = (key: TProfessionalKey, at: Date, reason: string, mode: "NORMAL" | "SAMU" | "BREAK_GLASS" = "NORMAL") => {
      const actor = proActor(key, professionalIds, rng);
      const first = !firstSeen.has(`${p.key}|${key}`);
      firstSeen.add(`${p.key}|${key}`);
      push({
        at,
        trace: { ...actor, action: "RECORD_VIEW", mode, reason },
        notice:
          first && mode === "NORMAL"
            ? { message: { kind: "FIRST_CONSULTATION", by: personWithStructure(actor.actorName, actor.actorStructure) } }
            : undefined,
      });
      const k = `${p.key}|${key}`;
      if (!lastAccess.has(k) || (lastAccess.get(k) as Date) < at) lastAccess.set(k, at);
    };
    const readDoc = (key: TProfessionalKey, doc: TSeededDocument, at: Date, reason: string, mode: "NORMAL" | "SAMU" | "BREAK_GLASS" = "NORMAL") => {
      push({ at, trace: { ...proActor(key, professionalIds, rng), action: "DOCUMENT_READ", documentId: doc.id, mode, reason } });
      const k = `${p.key}|${key}`;
      if (lastAccess.has(k) && (lastAccess.get(k) as Date) < at) lastAccess.set(k, at);
    };

    // Creation of the record.
    const creator = p.createdBy;
    if (creator === "online") {
      push({
        at: openedAt,
        trace: { ...self, action: "RECORD_CREATE", detail: "Création en ligne (NIR, date et rang de naissance, numéro de série de la carte Vitale, code de confirmation).", ipAddress: homeIp(rng) },
        notice: { message: { kind: "RECORD_CREATED", opening: "SELF", at: openedAt } },
      });
    } else {
      const actor = proActor(creator, professionalIds, rng);
      push({
        at: openedAt,
        trace: { ...actor, action: "RECORD_CREATE", detail: "Création par un professionnel avec l'accord du patient." },
        notice: { message: { kind: "RECORD_CREATED", opening: "WITH_CONSENT", at: openedAt, by: personWithStructure(actor.actorName, actor.actorStructure) } },
      });
    }

    // Treating doctor.
    if (p.treatingDoctor && seeded.record.treatingDoctorSince) {
      const since = seeded.record.treatingDoctorSince;
      const doctor = professionalSpec(p.treatingDoctor);
      push({ at: since, trace: { ...self, action: "TREATING_DOCTOR_SET", detail: `Médecin traitant : ${professionalDisplayName(doctor)}.`, ipAddress: homeIp(rng) } });
      const treatingDoctor = p.treatingDoctor;
      consult(treatingDoctor, new Date(since.getTime() + 26 * HOUR), describeDecision(seedRecordDecision(treatingDoctor, seeded)));
      for (const doc of docs.filter((d) => d.submittedAt > since && seedReadReason(treatingDoctor, d, seeded) !== null)) {
        // The treating doctor reads what is masked and a share of the rest.
        if (!doc.hiddenFromPros && !rng.chance(0.35)) continue;
        const at = new Date(Math.min(workingTimeAfter(doc.submittedAt, rng, 3).getTime(), end.getTime() - HOUR));
        const reason = seedReadReason(treatingDoctor, doc, seeded, { isBlocked: isBlockedAt(treatingDoctor, at) });
        if (reason !== null) readDoc(treatingDoctor, doc, at, reason);
      }
    }

    // Authorizations, first consultation and a few reads.
    for (const a of authorizations.filter((x) => x.patientKey === p.key)) {
      if (a.method !== "RECORD_CREATION") {
        push({
          at: a.consentAt,
          trace: {
            ...proActor(a.professional, professionalIds, rng),
            action: "AUTHORIZATION_GRANT",
            reason: a.method === "CARE_TEAM" ? "Équipe de soins de l'établissement, patient informé" : "Consentement du patient recueilli",
          },
        });
      }
      const facts = { authorizationMethod: a.method };
      const viewAt = new Date(a.consentAt.getTime() + 5 * MINUTE);
      const view = seedRecordDecision(a.professional, seeded, { ...facts, isBlocked: isBlockedAt(a.professional, viewAt) });
      if (view.allowed) consult(a.professional, viewAt, describeDecision(view));
      const readable = docs.filter((d) => d.submittedAt > a.consentAt && d.authorKey !== a.professional && seedReadReason(a.professional, d, seeded, facts) !== null);
      for (const doc of rng.sample(readable, 3)) {
        const at = new Date(Math.min(workingTimeAfter(doc.submittedAt, rng, 3).getTime(), end.getTime() - HOUR));
        const reason = seedReadReason(a.professional, doc, seeded, { ...facts, isBlocked: isBlockedAt(a.professional, at) });
        if (reason !== null) readDoc(a.professional, doc, at, reason);
      }
    }

    // Documents added.
    for (const doc of docs) {
      const isNewVersion = doc.replacesId !== null;
      const proKey = doc.authorKey !== "patient" && doc.authorKey !== "insurance" ? doc.authorKey : null;
      // A hospital's document comes through the feed, a new version too (ITI-65 "replaces").
      const isFed = doc.source === "HOSPITAL_FEED" && proKey !== null;
      const action = isFed ? ("FEED_DOCUMENT" as const) : isNewVersion ? ("DOCUMENT_REPLACE" as const) : ("DOCUMENT_ADD" as const);
      let actor;
      if (doc.authorKey === "patient") {
        const rep = doc.authorLogin && doc.authorLogin !== seeded.account?.loginId;
        actor = rep
          ? { actorKind: "LEGAL_REPRESENTATIVE" as const, actorId: doc.authorAccountId, actorName: accountName(accountsByLogin[doc.authorLogin as string]), ipAddress: homeIp(rng) }
          : { ...self, ipAddress: homeIp(rng) };
      } else if (doc.authorKey === "insurance") {
        actor = { actorKind: "SYSTEM" as const, actorName: "Assurance Maladie" };
      } else if (isFed) {
        // As the feed writes it: the person who submitted (here the author, no one else
        // declared) with the hospital; the server's address is not the professional's.
        actor = proFields(proKey, professionalIds);
      } else {
        actor = proActor(proKey as TProfessionalKey, professionalIds, rng);
      }
      const authorName = proKey ? professionalDisplayName(professionalSpec(proKey)) : doc.authorKey === "insurance" ? "L'Assurance Maladie" : null;
      // A document revealed later was invisible to the patient side when it was added.
      const addedAudience = documentAudience({ hiddenFromPatient: doc.hiddenFromPatient || doc.revealedAt !== null, hiddenFromLegalReps: doc.hiddenFromLegalReps });
      push({
        at: doc.submittedAt,
        trace: {
          ...actor,
          action,
          documentId: doc.id,
          ...(isFed
            ? feedTraceText({
                typeCode: doc.typeCode,
                title: doc.title,
                // The masking as fed: a later mask by the patient or reveal was not there yet.
                masking: {
                  hiddenFromPros: doc.hiddenFromPros && doc.maskedByPatientAt === null,
                  hiddenFromPatient: doc.hiddenFromPatient || doc.revealedAt !== null,
                  hiddenFromLegalReps: doc.hiddenFromLegalReps,
                },
                authorName: authorName ?? "",
                isNewVersion,
              })
            : {}),
        },
        notice:
          authorName && addedAudience
            ? {
                audience: addedAudience,
                message: { kind: "NEW_DOCUMENT", news: isNewVersion ? "NEW_VERSION" : "NEW_DOCUMENT", by: personWithStructure(authorName, "actorStructure" in actor ? actor.actorStructure : null), title: doc.title, typeCode: doc.typeCode },
              }
            : undefined,
      });
      if (doc.maskedByPatientAt) {
        push({ at: doc.maskedByPatientAt, trace: { ...self, action: "DOCUMENT_MASK", documentId: doc.id, ipAddress: homeIp(rng) } });
      }
      if (doc.opposedAt) {
        push({ at: doc.opposedAt, trace: { ...self, action: "DOCUMENT_OPPOSE", documentId: doc.id, detail: "Opposition pour motif légitime.", ipAddress: homeIp(rng) } });
      }
      const revealedAudience = doc.revealedAt ? documentAudience({ hiddenFromPatient: false, hiddenFromLegalReps: doc.hiddenFromLegalReps }) : null;
      if (doc.revealedAt && revealedAudience) {
        const revealer: TProfessionalKey = p.key === "francois.henry" ? "oncologist" : (proKey ?? "gp");
        push({
          at: doc.revealedAt,
          trace: { ...proActor(revealer, professionalIds, rng), action: "DOCUMENT_REVEAL", documentId: doc.id, reason: "Consultation d'annonce réalisée" },
          notice: { audience: revealedAudience, message: { kind: "DOCUMENT_REVEALED", by: personWithStructure(professionalDisplayName(professionalSpec(revealer)), proFields(revealer, professionalIds).actorStructure), title: doc.title } },
        });
      }
    }

    // Emergency accesses and refused attempts.
    for (const e of EMERGENCY_EVENTS.filter((x) => x.patient === p.key)) {
      const at = daysBefore(now, e.daysAgo, e.hour);
      const actor = proActor(e.professional, professionalIds, rng);
      const action = e.mode === "SAMU" ? ("SAMU_ACCESS" as const) : ("BREAK_GLASS_ACCESS" as const);
      const decision = emergencyEventDecision(e);
      push({
        at,
        trace: { ...actor, action, mode: e.mode, justification: e.justification, outcome: decision.allowed ? "ALLOWED" : "REFUSED", reason: describeDecision(decision), detail: e.detail },
        notice:
          decision.allowed
            ? {
                message:
                  e.mode === "SAMU"
                    ? { kind: "EMERGENCY_ACCESS", mode: "SAMU", at, by: personWithStructure(actor.actorName, actor.actorStructure) }
                    : { kind: "EMERGENCY_ACCESS", mode: "BREAK_GLASS", at, by: personWithStructure(actor.actorName, actor.actorStructure), justification: e.justification ?? "" },
              }
            : undefined,
      });
      if (decision.allowed) {
        const inWindow = docs.flatMap((d) => {
          const reason = d.submittedAt < at ? seedReadReason(e.professional, d, seeded, { emergencyMode: e.mode }) : null;
          return reason === null ? [] : [{ doc: d, reason }];
        });
        inWindow.slice(-3).forEach(({ doc, reason }, i) => {
          push({ at: new Date(at.getTime() + (i + 2) * MINUTE), trace: { ...actor, action: "DOCUMENT_READ", documentId: doc.id, mode: e.mode, reason } });
        });
      }
    }
    if (p.breakGlassAllowed === false || p.samuAllowed === false) {
      push({
        at: new Date(openedAt.getTime() + 20 * 24 * HOUR),
        trace: { ...self, action: "EMERGENCY_SETTINGS_CHANGE", detail: p.breakGlassAllowed === false ? "Opposition à l'accès en urgence (bris de glace)." : "Opposition à l'accès du SAMU-Centre 15.", ipAddress: homeIp(rng) },
      });
    }
    for (const b of BLOCKS.filter((x) => x.patient === p.key)) {
      const at = daysBefore(now, b.daysAgo, 20);
      push({ at, trace: { ...self, action: "PROFESSIONAL_BLOCK", detail: `Professionnel bloqué : ${professionalDisplayName(professionalSpec(b.professional))}.`, ipAddress: homeIp(rng) } });
      push({
        at: daysBefore(now, b.daysAgo - 30, 10),
        trace: { ...proActor(b.professional, professionalIds, rng), action: "RECORD_VIEW", outcome: "REFUSED", reason: describeDecision(seedRecordDecision(b.professional, seeded, { hasAuthorization: true, isBlocked: true })) },
      });
    }
    if (p.key === "jean.martin") {
      push({
        at: daysBefore(now, 15, 11),
        trace: { ...proActor("pediatrician", professionalIds, rng), action: "RECORD_VIEW", outcome: "REFUSED", reason: describeDecision(seedRecordDecision("pediatrician", seeded)) },
      });
      push({ at: daysBefore(now, 400, 19), trace: { ...self, action: "CONTACT_UPDATE", detail: "Numéro de téléphone mobile modifié.", ipAddress: homeIp(rng) } });
    }

    // The patient (or a legal representative) looks at the record.
    push({ at: daysBefore(now, 2 + rng.int(0, 20), 20), trace: { ...self, action: "TRACES_VIEW", ipAddress: homeIp(rng) } });
    if (rng.chance(0.6)) push({ at: daysBefore(now, 3 + rng.int(0, 40), 21), trace: { ...self, action: "REIMBURSEMENTS_VIEW", ipAddress: homeIp(rng) } });

    if (seeded.record.closedAt) {
      const closedAt = seeded.record.closedAt;
      // Nothing happens on a closed record after its closure.
      for (let i = list.length - 1; i >= 0; i--) if ((list[i] as TEvent).at >= closedAt) list.splice(i, 1);
      push({
        at: closedAt,
        trace: { ...self, action: "RECORD_CLOSE", detail: "Fermeture demandée par le patient ; dossier conservé 10 ans.", ipAddress: homeIp(rng) },
        notice: { message: { kind: "RECORD_CLOSED", at: closedAt, deletionPlannedAt: new Date(Date.UTC(closedAt.getUTCFullYear() + 10, closedAt.getUTCMonth(), closedAt.getUTCDate())) } },
      });
    }

    // Nothing in the future, and a stable chronological order.
    const ordered = list
      .filter((e) => e.at.getTime() <= now.getTime())
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i)
      .map(({ e }) => e);
    events.set(p.key, ordered);
  }
  return { events, lastAccess };
}

/**
 * Writes the traces and the notifications. Each record's chain is computed with the
 * hash appendTrace uses (chainTraces) and inserted in order in one statement, which
 * is ~50x faster than a thousand appendTrace calls; verifyTraceChain holds on the result
 * (lib/seed/seed-demo.test.ts checks it).
 */
export async function writeTraces(
  prisma: Db,
  patients: Record<TPatientKey, TSeededPatient>,
  plan: TTracePlan,
  now: Date,
): Promise<{ traces: number; notifications: number }> {
  const rows: TChainedTrace[] = [];
  const notifications = [];
  for (const [key, list] of plan.events) {
    const { record } = patients[key];
    rows.push(...chainTraces(list.map((e) => ({ ...e.trace, patientId: record.id, at: e.at }))));
    for (const e of list) {
      if (!e.notice) continue;
      const old = now.getTime() - e.at.getTime() > 14 * 24 * HOUR;
      notifications.push({
        patientId: record.id,
        audience: e.notice.audience ?? "EVERYONE",
        kind: e.notice.message.kind,
        ...notificationText(e.notice.message),
        sentEmail: record.notifyByEmail,
        sentSms: record.notifyBySms,
        // Past news: the delivery job was done with it when it happened.
        settledAt: e.at,
        createdAt: e.at,
        readAt: old ? new Date(e.at.getTime() + 20 * HOUR) : null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await prisma.trace.createMany({ data: rows.slice(i, i + 500) });
  const traces = rows.length;
  // Platform actions without a record have their own chain.
  await appendTrace(prisma, {
    patientId: null,
    actorKind: "SYSTEM",
    actorName: "Plateforme DMP",
    action: "HABILITATION_CHANGE",
    detail: "Chargement de la matrice d'habilitations par défaut.",
    at: new Date(Math.min(...Object.values(patients).map((p) => p.record.recordOpenedAt.getTime())) - 24 * HOUR),
  });
  await prisma.notification.createMany({ data: notifications });
  return { traces: traces + 1, notifications: notifications.length };
}
