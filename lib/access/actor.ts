/**
 * Who is asking. Built from the session by lib/auth, never from user input.
 * A legal representative's patientId is the minor they chose to act for; the access
 * context checks that the representation really exists.
 */
export type TPatientActor = {
  kind: "PATIENT";
  accountId: string;
  patientId: string;
  name: string;
};

export type TLegalRepresentativeActor = {
  kind: "LEGAL_REPRESENTATIVE";
  accountId: string;
  patientId: string;
  name: string;
};

export type TProfessionalActor = {
  kind: "PROFESSIONAL";
  professionalId: string;
  name: string;
  /** TRE_G15 profession code, null for establishment staff (no card-holder profession). */
  profession: string | null;
  /** TRE_R38 specialty code. */
  specialty: string | null;
  isSamuRegulator: boolean;
  structureName?: string | null;
  /** Sandbox namespace of the professional (issue 12); absent or null for everyone else. */
  namespaceId?: string | null;
};

export type TActor = TPatientActor | TLegalRepresentativeActor | TProfessionalActor;

export function isProfessional(actor: TActor): actor is TProfessionalActor {
  return actor.kind === "PROFESSIONAL";
}
