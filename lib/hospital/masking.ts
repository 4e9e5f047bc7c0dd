import type { TMaskingFlags } from "@/lib/reference/masking";

/**
 * The four masking choices of the establishment's software, one at a time (the deck's
 * « 4 choix possibles dans le champ masquage au moment de la validation »), and the TRE_A07
 * flags each one sets on the DMP document.
 */
export const HOSPITAL_MASKINGS = ["NONE", "MASQUE_PS", "INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"] as const;
export type THospitalMasking = (typeof HOSPITAL_MASKINGS)[number];

export const HOSPITAL_MASKING_LABELS: Readonly<Record<THospitalMasking, string>> = {
  NONE: "Non masqué",
  MASQUE_PS: "Masqué aux PS",
  INVISIBLE_PATIENT: "Invisible au patient",
  INVISIBLE_REPRESENTANTS_LEGAUX: "Invisible aux représentants légaux",
};

/** What each choice means, as the deck explains it to the doctor validating. */
export const HOSPITAL_MASKING_HINTS: Readonly<Record<THospitalMasking, string>> = {
  NONE: "Visible par les professionnels autorisés et le patient.",
  MASQUE_PS: "Visible uniquement par son auteur, le médecin traitant et le patient.",
  INVISIBLE_PATIENT: "Visible par les professionnels autorisés dont le médecin traitant ; le patient ne le voit pas avant la consultation d'annonce.",
  INVISIBLE_REPRESENTANTS_LEGAUX: "Visible par les professionnels autorisés et le patient ; les représentants légaux ne le voient pas.",
};

export function maskingLabel(masking: string): string {
  return (HOSPITAL_MASKING_LABELS as Record<string, string>)[masking] ?? masking;
}

export function maskingFlags(masking: THospitalMasking): TMaskingFlags {
  return {
    hiddenFromPros: masking === "MASQUE_PS",
    hiddenFromPatient: masking === "INVISIBLE_PATIENT",
    hiddenFromLegalReps: masking === "INVISIBLE_REPRESENTANTS_LEGAUX",
  };
}
