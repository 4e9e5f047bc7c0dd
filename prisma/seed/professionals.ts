import type { Professional } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { finess, idNatFromRpps, rpps } from "./identifiers";
import type { TStructureKey } from "./structures";

export type TProfessionalKey =
  | "gp"
  | "cardiologist"
  | "oncologist"
  | "biologist"
  | "radiologist"
  | "midwife"
  | "dentist"
  | "pharmacist"
  | "nurse"
  | "physiotherapist"
  | "regulator1"
  | "regulator2"
  | "anesthesiologist"
  | "emergencyPhysician"
  | "surgeon"
  | "pathologist"
  | "pediatrician"
  | "ehpadDoctor"
  | "secretary"
  | "establishmentAdmin"
  | "admissionsClerk"
  | "operator";

export type TDemoProfessional = {
  key: TProfessionalKey;
  rpps: string | null;
  idNat: string;
  kind: Professional["kind"];
  title: string | null;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  /** What the person does, in French, where the specialty code says less (DEMO.md). */
  role: string;
  isSamuRegulator?: boolean;
  isOperator?: boolean;
  /** Issue 16: the establishment's catalogue administrator or admissions clerk. */
  establishmentRole?: "ADMIN" | "ADMISSIONS";
  email: string;
  structure: TStructureKey | null;
};

function pro(
  key: TProfessionalKey,
  rppsBody: string,
  title: string | null,
  firstName: string,
  lastName: string,
  profession: string | null,
  specialty: string | null,
  structure: TStructureKey | null,
  role: string,
  extra: Partial<Pick<TDemoProfessional, "isSamuRegulator" | "isOperator" | "kind">> = {},
): TDemoProfessional {
  const number = rpps(rppsBody);
  const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z]+/g, "-");
  return {
    key,
    rpps: extra.kind === "STAFF" ? null : number,
    idNat: idNatFromRpps(number),
    kind: extra.kind ?? "HEALTH_PROFESSIONAL",
    title,
    firstName,
    lastName,
    profession,
    specialty,
    role,
    isSamuRegulator: extra.isSamuRegulator ?? false,
    isOperator: extra.isOperator ?? false,
    email: `${ascii(firstName)}.${ascii(lastName)}@demo-sante.fr`,
    structure,
  };
}

/**
 * The demo professionals. Specialty codes are only those of lib/reference/professions.ts: where a
 * specialty has no listed code (medical oncology, surgery, pathology, biology), the
 * specialty is left empty and the role says what the person does.
 */
export const DEMO_PROFESSIONALS: readonly TDemoProfessional[] = [
  pro("gp", "1000100001", "Dr", "Claire", "Dubois", "10", "SM54", "gpPractice", "Médecin généraliste, médecin traitant de plusieurs patients"),
  pro("cardiologist", "1000100002", "Dr", "Marc", "Lefèvre", "10", "SM04", "hospital", "Cardiologue"),
  pro("oncologist", "1000100003", "Dr", "Hélène", "Moreau", "10", null, "hospital", "Oncologue médicale (pas de code de spécialité listé : spécialité vide)"),
  pro("biologist", "1000100004", "Dr", "Julien", "Garnier", "21", null, "hospital", "Pharmacien biologiste, laboratoire de l'hôpital"),
  pro("radiologist", "1000100005", "Dr", "Sophie", "Bernard", "10", "SM44", "hospital", "Radiologue"),
  pro("midwife", "1000100006", null, "Aurélie", "Rousseau", "50", null, "hospital", "Sage-femme, maternité"),
  pro("dentist", "1000100007", "Dr", "Thomas", "Petit", "40", null, "dentalPractice", "Chirurgien-dentiste"),
  pro("pharmacist", "1000100008", null, "Isabelle", "Fournier", "21", null, "pharmacy", "Pharmacienne d'officine"),
  pro("nurse", "1000100009", null, "Nicolas", "Girard", "60", null, "gpPractice", "Infirmier libéral"),
  pro("physiotherapist", "1000100010", null, "Léa", "Bonnet", "70", null, "gpPractice", "Masseur-kinésithérapeute"),
  pro("regulator1", "1000100011", "Dr", "Antoine", "Mercier", "10", "SM59", "samu", "Médecin régulateur SAMU-Centre 15", { isSamuRegulator: true }),
  pro("regulator2", "1000100012", "Dr", "Nadia", "Haddad", "10", "SM59", "samu", "Médecin régulatrice SAMU-Centre 15", { isSamuRegulator: true }),
  pro("anesthesiologist", "1000100013", "Dr", "Pierre", "Lambert", "10", "SM02", "hospital", "Anesthésiste-réanimateur"),
  pro("emergencyPhysician", "1000100014", "Dr", "Yann", "Le Goff", "10", "SM59", "hospital", "Urgentiste (service des urgences)"),
  pro("surgeon", "1000100015", "Dr", "Vincent", "Roy", "10", null, "hospital", "Chirurgien général et traumatologue (spécialité vide)"),
  pro("pathologist", "1000100016", "Dr", "Paul", "Nguyen", "10", null, "hospital", "Médecin anatomo-pathologiste (spécialité vide)"),
  pro("pediatrician", "1000100017", "Dr", "Amélie", "Chevalier", "10", "SM40", "hospital", "Pédiatre"),
  pro("ehpadDoctor", "1000100018", "Dr", "Françoise", "Leroy", "10", "SM53", "ehpad", "Médecin coordonnateur de l'EHPAD, médecin traitant des résidents"),
  // Establishment staff are identified as "3" + FINESS of the structure + "/" + local id (IdNat_PS,
  // TRE_G08); the structure itself is "1" + FINESS (IdNat_Struct, TRE_G07).
  { ...pro("secretary", "7500100001", null, "Sandrine", "Roux", null, null, "hospital", "Secrétaire médicale (personnel d'établissement, carte CPE)", { kind: "STAFF" }), idNat: `3${finess("75010012")}/SEC0001` },
  {
    ...pro("establishmentAdmin", "7500100002", null, "Aline", "Perrin", null, null, "hospital", "Administratrice du logiciel de l'hôpital (catalogue des documents exportés)", { kind: "STAFF" }),
    idNat: `3${finess("75010012")}/ADM0001`,
    establishmentRole: "ADMIN",
  },
  {
    ...pro("admissionsClerk", "7500100003", null, "Agnès", "Colin", null, null, "hospital", "Bureau des admissions de l'hôpital (ajout et correction du NIR)", { kind: "STAFF" }),
    idNat: `3${finess("75010012")}/BDA0001`,
    establishmentRole: "ADMISSIONS",
  },
  pro("operator", "1000100020", "Dr", "Éric", "Vidal", "10", "SM53", null, "Opérateur de la plateforme (statistiques, matrice d'habilitations)", { isOperator: true }),
];

export async function createProfessionals(
  prisma: Db,
  structureIds: Record<TStructureKey, string>,
  now: Date,
): Promise<Record<TProfessionalKey, Professional>> {
  // createdAt one second apart keeps the listing order (and the CPS card order) stable.
  await prisma.professional.createMany({
    data: DEMO_PROFESSIONALS.map((p, i) => ({
      idNat: p.idNat,
      rpps: p.rpps,
      kind: p.kind,
      title: p.title,
      firstName: p.firstName,
      lastName: p.lastName,
      profession: p.profession,
      specialty: p.specialty,
      isSamuRegulator: p.isSamuRegulator ?? false,
      isOperator: p.isOperator ?? false,
      establishmentRole: p.establishmentRole ?? null,
      email: p.email,
      structureId: p.structure ? structureIds[p.structure] : null,
      createdAt: new Date(now.getTime() - (DEMO_PROFESSIONALS.length - i) * 1000),
    })),
  });
  const rows = await prisma.professional.findMany({ where: { idNat: { in: DEMO_PROFESSIONALS.map((p) => p.idNat) } } });
  const created = {} as Record<TProfessionalKey, Professional>;
  for (const p of DEMO_PROFESSIONALS) {
    const row = rows.find((r) => r.idNat === p.idNat);
    if (!row) throw new Error(`Seed: professional ${p.lastName} was not created`);
    created[p.key] = row;
  }
  return created;
}

export function professionalDisplayName(p: Pick<Professional, "title" | "firstName" | "lastName">): string {
  return [p.title, p.firstName, p.lastName].filter(Boolean).join(" ");
}
