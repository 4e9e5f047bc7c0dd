import type { Db } from "@/lib/db/types";
import type { TEstablishmentPerson } from "@/lib/access/establishment-roles";

export type TEstablishmentUser = TEstablishmentPerson & {
  title: string | null;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  idNat: string;
  rpps: string | null;
  structure: { id: string; name: string; finess: string; kind: "HOSPITAL" | "EHPAD" | "PRACTICE" | "SAMU"; groupName: string | null } | null;
};

/** The signed-in user as the establishment's rules read them: role and structure from their row, never from input. */
export async function loadEstablishmentUser(db: Db, professionalId: string): Promise<TEstablishmentUser | null> {
  return db.professional.findUnique({
    where: { id: professionalId },
    select: {
      id: true,
      kind: true,
      structureId: true,
      establishmentRole: true,
      title: true,
      firstName: true,
      lastName: true,
      profession: true,
      specialty: true,
      idNat: true,
      rpps: true,
      structure: { select: { id: true, name: true, finess: true, kind: true, groupName: true } },
    },
  });
}

/** A user of a hospital (or an EHPAD, which feeds its DLU from the same simulator): their establishment, else null. */
export function establishmentOf(user: TEstablishmentUser | null) {
  const s = user?.structure;
  return s && (s.kind === "HOSPITAL" || s.kind === "EHPAD") ? s : null;
}
