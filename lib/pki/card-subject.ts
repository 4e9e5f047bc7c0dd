import type { JsonName } from "@peculiar/x509";

/**
 * The subject of a simulated CPS card certificate. Choice (documented in DEMO-CARDS.md):
 * - CN           = "<IdNat_PS>/<NOM Prénom>" (as IGC-Santé writes it),
 * - serialNumber = IdNat_PS ("8" + RPPS), OID 2.5.4.5,
 * - SN / G       = last name / first name,
 * - title (T)    = "G15_<profession>" (TRE_G15), or "CPE" for establishment staff,
 * - OU           = "R38_<specialty>" (TRE_R38) when there is one,
 * - O            = the structure's name, C = FR.
 */
export type TCardHolder = {
  idNat: string;
  firstName: string;
  lastName: string;
  profession: string | null;
  specialty: string | null;
  structureName: string | null;
};

export function cardSubject(holder: TCardHolder): JsonName {
  const name: JsonName = [
    { CN: [`${holder.idNat}/${holder.lastName.toUpperCase()} ${holder.firstName}`] },
    { "2.5.4.5": [holder.idNat] },
    { SN: [holder.lastName.toUpperCase()] },
    { G: [holder.firstName] },
    { T: [holder.profession ? `G15_${holder.profession}` : "CPE"] },
  ];
  if (holder.specialty) name.push({ OU: [`R38_${holder.specialty}`] });
  if (holder.structureName) name.push({ O: [holder.structureName] });
  name.push({ C: ["FR"] });
  return name;
}

export type TSubjectClaims = { idNat: string | null; profession: string | null; specialty: string | null };

/** Reads the claims back from a certificate subject (x509 JSON name). */
export function subjectClaims(name: JsonName): TSubjectClaims {
  const first = (key: string) => {
    for (const rdn of name) if (rdn[key]?.[0]) return rdn[key][0];
    return null;
  };
  const title = first("T") ?? first("2.5.4.12");
  const ou = first("OU");
  return {
    idNat: first("2.5.4.5") ?? first("serialNumber"),
    profession: title?.startsWith("G15_") ? title.slice(4) : null,
    specialty: ou?.startsWith("R38_") ? ou.slice(4) : null,
  };
}
