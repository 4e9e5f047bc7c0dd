import type { TProfessionalActor } from "@/lib/access/actor";

/** The professional signed in with a CPS card, as the /pro portal sees them. */
export type TProActor = TProfessionalActor & {
  structureName: string | null;
  isOperator: boolean;
  cardSerial: string;
  idNat: string;
};
