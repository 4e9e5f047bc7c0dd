import type { TLegalRepresentativeActor, TPatientActor } from "@/lib/access/actor";

export type TPatientPortalActor = TPatientActor | TLegalRepresentativeActor;

export type TPatientAccountSession = {
  /** Sandbox namespace of the account (issue 12), null outside the sandbox's namespaces. */
  namespaceId?: string | null;
  accountId: string;
  loginId: string;
  name: string;
  mustChangePassword: boolean;
  ownPatientId: string | null;
  /** The minors this account represents, while the representation is in force (under 18). */
  minors: { patientId: string; name: string; birthDate: string; relationship: string; /** For the words agreed with it (« née le »). */ sex?: "M" | "F" | null }[];
  /** Those it represented who are now 18: it has no access any more; they open their own. */
  cameOfAge?: { patientId: string; name: string; birthDate: string; relationship: string; sex?: "M" | "F" | null }[];
  actingFor: string | null;
};

/** The actor of a session: the patient on their own record, or a representative on a minor's. */
export function actorFromSession(session: TPatientAccountSession): TPatientPortalActor | null {
  if (session.mustChangePassword || !session.actingFor) return null;
  if (session.actingFor === session.ownPatientId) {
    return { kind: "PATIENT", accountId: session.accountId, patientId: session.actingFor, name: session.name };
  }
  if (session.minors.some((m) => m.patientId === session.actingFor)) {
    return { kind: "LEGAL_REPRESENTATIVE", accountId: session.accountId, patientId: session.actingFor, name: session.name };
  }
  return null;
}

