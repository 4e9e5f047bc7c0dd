import type { NotificationAudience } from "@/lib/generated/prisma/enums";
import type { TActor } from "./actor";
import type { TAccessContext, TPolicyDocument } from "./access-context";
import { canRead } from "./policy";

/** The two kinds of patient-side readers of a record: its holder and each legal representative. */
export type TPatientSideReader = "PATIENT" | "LEGAL_REPRESENTATIVE";
export const PATIENT_SIDE_READERS: readonly TPatientSideReader[] = ["PATIENT", "LEGAL_REPRESENTATIVE"];

/** The masking codes aimed at the patient side. */
export type TPatientSideMasking = Pick<TPolicyDocument, "hiddenFromPatient" | "hiddenFromLegalReps">;

const RECORD = "record";
const READER_ACTORS: Record<TPatientSideReader, TActor> = {
  PATIENT: { kind: "PATIENT", accountId: "", patientId: RECORD, name: "" },
  LEGAL_REPRESENTATIVE: { kind: "LEGAL_REPRESENTATIVE", accountId: "", patientId: RECORD, name: "" },
};
// A holder or a representative of the record: only the masking can still refuse them.
const READER_CONTEXT: TAccessContext = {
  namespaceId: null,
  patientId: RECORD,
  recordStatus: "OPEN",
  breakGlassAllowed: false,
  samuAllowed: false,
  isTreatingDoctor: false,
  isBlocked: false,
  hasAuthorization: false,
  emergencyMode: null,
  isRepresentative: true,
  habilitation: new Map(),
};

/**
 * May this reader of the record see a document so masked? canRead() itself, asked for a
 * holder or a representative of the record: the notifications, the history and the care
 * team cannot drift from what the document list shows.
 */
export function patientSideMaySee(reader: TPatientSideReader, masking: TPatientSideMasking): boolean {
  // Only the two patient-side codes are read: a whole document row may be passed.
  const doc: TPolicyDocument = {
    patientId: RECORD,
    typeCode: "",
    authorId: null,
    hiddenFromPros: false,
    opposedAt: null,
    hiddenFromPatient: masking.hiddenFromPatient,
    hiddenFromLegalReps: masking.hiddenFromLegalReps,
  };
  return canRead(READER_ACTORS[reader], doc, READER_CONTEXT).allowed;
}

const READERS_OF: Record<NotificationAudience, readonly TPatientSideReader[]> = {
  EVERYONE: PATIENT_SIDE_READERS,
  PATIENT: ["PATIENT"],
  LEGAL_REPRESENTATIVES: ["LEGAL_REPRESENTATIVE"],
};

/** Does a notification stored for this audience reach this reader (portal, e-mail, SMS)? */
export function audienceIncludes(audience: NotificationAudience, reader: TPatientSideReader): boolean {
  return READERS_OF[audience].includes(reader);
}

/** The stored audiences a reader sees in their portal. */
export function audiencesSeenBy(reader: TPatientSideReader): NotificationAudience[] {
  return (Object.keys(READERS_OF) as NotificationAudience[]).filter((a) => audienceIncludes(a, reader));
}

/** What a reader may be told about a document just added: nothing, a new document, or a new version of one they could see. */
export type TDocumentNews = "NEW_DOCUMENT" | "NEW_VERSION";

/**
 * The notification audience rule: what each patient-side reader may be told about a
 * document (replacing `replaced` when it is a new version). Nothing when they may not see
 * the document; a plain new document when they could not see the replaced version (its
 * title and existence stay hidden); a new version otherwise.
 */
export function documentNews(doc: TPatientSideMasking, replaced: TPatientSideMasking | null): Record<TPatientSideReader, TDocumentNews | null> {
  const newsFor = (reader: TPatientSideReader): TDocumentNews | null => {
    if (!patientSideMaySee(reader, doc)) return null;
    return replaced && patientSideMaySee(reader, replaced) ? "NEW_VERSION" : "NEW_DOCUMENT";
  };
  return { PATIENT: newsFor("PATIENT"), LEGAL_REPRESENTATIVE: newsFor("LEGAL_REPRESENTATIVE") };
}

/**
 * The notifications to store for per-reader news: one for everyone when both readers get
 * the same news, else one per reader who gets any. Nobody told → no notification at all.
 */
export function audiencesOf<T>(news: Record<TPatientSideReader, T | null>): { audience: NotificationAudience; news: T }[] {
  const { PATIENT: patient, LEGAL_REPRESENTATIVE: representatives } = news;
  if (patient !== null && patient === representatives) return [{ audience: "EVERYONE", news: patient }];
  return [
    ...(patient !== null ? [{ audience: "PATIENT" as const, news: patient }] : []),
    ...(representatives !== null ? [{ audience: "LEGAL_REPRESENTATIVES" as const, news: representatives }] : []),
  ];
}
