import { encode } from "next-auth/jwt";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { encodePatientToken, PATIENT_SESSION_COOKIE } from "@/lib/auth/patient/session-token";
import { PRO_SESSION_COOKIE, PRO_SESSION_MAX_AGE } from "@/lib/auth/pro/session-config";
import { sessionSecret } from "@/lib/auth/session-secret";
import { issueAccessToken } from "@/lib/oauth/access-token";
import { issueCard } from "@/lib/pki/issue-card";
import { authorableTypes } from "@/lib/reference/authorable-types";
import { platformNow, platformNowMs } from "@/lib/clock/clock";

/** What the load generator needs, read from (or written into) the benchmark database. */
export type TBenchFixtures = {
  documentsPatient: { id: string; accountId: string; sessionVersion: number; name: string; nir: string; documentCount: number };
  tracesPatient: { id: string; accountId: string; sessionVersion: number; name: string; traceCount: number };
  /** A document of the 500-document record the patient sees (read 3). */
  documentId: string;
  professional: { id: string; name: string; idNat: string; cardSerial: string; cardGeneration: number; cardSessionVersion: number; structureId: string; finess: string; typeCode: string };
  /** Identities fed by ITI-65 (round robin), as the hospital knows them. */
  feedPatients: { nir: string; birthDate: string; birthRank: number }[];
};

export type TBenchCredentials = { patientDocumentsCookie: string; patientTracesCookie: string; proCookie: string; bearer: string };

async function patientByLogin(db: PrismaClient, loginId: string) {
  const account = await db.account.findUnique({
    where: { loginId },
    select: { id: true, sessionVersion: true, firstName: true, lastName: true, patient: { select: { id: true, nir: true } } },
  });
  if (!account?.patient) throw new Error(`Compte de benchmark ${loginId} introuvable : la base a-t-elle été créée par npm run seed:large ?`);
  return { accountId: account.id, sessionVersion: account.sessionVersion, name: `${account.firstName} ${account.lastName}`, id: account.patient.id, nir: account.patient.nir };
}

/**
 * Gets the benchmark actors ready: the two benchmark patients of seed-large, a general
 * practitioner with an active CPS card (issued here once) who is authorized on the
 * 500-document record, a document to open and the identities ITI-65 feeds.
 */
export async function prepareFixtures(db: PrismaClient): Promise<TBenchFixtures> {
  const docs = await patientByLogin(db, "bench.documents");
  const traces = await patientByLogin(db, "bench.traces");
  const [documentCount, traceCount] = await Promise.all([
    db.document.count({ where: { patientId: docs.id } }),
    db.trace.count({ where: { patientId: traces.id } }),
  ]);
  const document = await db.document.findFirst({
    where: { patientId: docs.id, hiddenFromPatient: false, status: "ACTIVE" },
    orderBy: [{ serviceDate: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!document) throw new Error("Aucun document visible dans le dossier bench.documents.");

  // A general practitioner of a hospital (feeds in direct mode, reads most document types).
  const pro = await db.professional.findFirst({
    where: { profession: "10", specialty: "SM54", kind: "HEALTH_PROFESSIONAL", structure: { kind: "HOSPITAL" } },
    orderBy: { id: "asc" },
    select: { id: true, idNat: true, title: true, firstName: true, lastName: true, profession: true, specialty: true, structure: { select: { id: true, finess: true } } },
  });
  if (!pro?.structure) throw new Error("Aucun médecin généraliste hospitalier dans la base.");
  const now = platformNow();
  let card = await db.cpsCard.findFirst({
    where: { professionalId: pro.id, status: "ACTIVE", expiresAt: { gt: now } },
    select: { serial: true, keyGeneration: true, sessionVersion: true },
  });
  if (!card) {
    const issued = await issueCard(db, pro.id, { pin: "1234", puk: "12345678" });
    card = { serial: issued.serial, keyGeneration: issued.file.encryptedKey.generation, sessionVersion: 0 };
  }
  await db.professionalAuthorization.upsert({
    where: { patientId_professionalId: { patientId: docs.id, professionalId: pro.id } },
    create: { patientId: docs.id, professionalId: pro.id, method: "CONSENT", consentAt: now, recordedById: pro.id },
    update: {},
  });
  const typeCode = authorableTypes(pro.profession, pro.specialty).find((t) => t === "11488-4") ?? authorableTypes(pro.profession, pro.specialty)[0];
  if (!typeCode) throw new Error("Le professionnel de benchmark ne peut envoyer aucun type de document.");

  // Ordinary open records (not the two benchmark records), spread over the file.
  const feedPatients = await db.patient.findMany({
    where: { recordStatus: "OPEN", id: { notIn: [docs.id, traces.id] } },
    orderBy: { id: "asc" },
    take: 200,
    select: { nir: true, birthDate: true, birthRank: true },
  });

  return {
    documentsPatient: { id: docs.id, accountId: docs.accountId, sessionVersion: docs.sessionVersion, name: docs.name, nir: docs.nir, documentCount },
    tracesPatient: { id: traces.id, accountId: traces.accountId, sessionVersion: traces.sessionVersion, name: traces.name, traceCount },
    documentId: document.id,
    professional: {
      id: pro.id,
      name: [pro.title, pro.firstName, pro.lastName].filter(Boolean).join(" "),
      idNat: pro.idNat,
      cardSerial: card.serial,
      cardGeneration: card.keyGeneration,
      cardSessionVersion: card.sessionVersion,
      structureId: pro.structure.id,
      finess: pro.structure.finess,
      typeCode,
    },
    feedPatients,
  };
}

/**
 * Fresh credentials, minted the way the portals and the token endpoint mint them (same
 * claims, same secret: sessionSecret(), so NEXTAUTH_SECRET when set): no OTP or card
 * challenge during the load. The API token lives 5 minutes: mint again per scenario.
 */
export async function mintCredentials(f: TBenchFixtures): Promise<TBenchCredentials> {
  const authAt = platformNowMs();
  const patientCookie = async (p: { accountId: string; sessionVersion: number; name: string; id: string }) =>
    `${PATIENT_SESSION_COOKIE}=${await encodePatientToken({ sub: p.accountId, portal: "patient", name: p.name, actingFor: p.id, sv: p.sessionVersion, authAt })}`;
  const proToken = await encode({
    token: {
      sub: f.professional.id,
      name: f.professional.name,
      portal: "pro",
      cardSerial: f.professional.cardSerial,
      sv: f.professional.cardSessionVersion,
      authAt,
    },
    secret: sessionSecret(),
    maxAge: PRO_SESSION_MAX_AGE,
  });
  const { access_token: bearer } = await issueAccessToken({
    kind: "CARD",
    certificateSerial: f.professional.cardSerial,
    keyGeneration: f.professional.cardGeneration,
    professionalId: f.professional.id,
    structureId: f.professional.structureId,
  });
  return {
    patientDocumentsCookie: await patientCookie(f.documentsPatient),
    patientTracesCookie: await patientCookie(f.tracesPatient),
    proCookie: `${PRO_SESSION_COOKIE}=${proToken}`,
    bearer,
  };
}
