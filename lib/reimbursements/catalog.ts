/**
 * What the generated statements are made of, written the way the Assurance Maladie statement
 * writes it (the deck's "Données de remboursement" page): medicines in capitals with their
 * active ingredients, NGAP letters (G, CS, AMI…) and CCAM codes with their labels and the
 * performer's specialty, stays by their nature. The data is fictitious but plausible; codes
 * follow the real code systems (CIP13 with its check digit, NGAP, CCAM's 4 letters + 3 digits).
 */

/** The ALD (affection de longue durée) a line implies when it recurs, as the statement lets a reader infer it. */
export type TAld = "ALD8" | "ALD5" | "ALD30";

export const ALD_LABELS: Record<TAld, string> = {
  ALD8: "ALD n° 8 — Diabète de type 1 et diabète de type 2",
  ALD5: "ALD n° 5 — Insuffisance cardiaque grave, troubles du rythme graves",
  ALD30: "ALD n° 30 — Tumeur maligne",
};

export type TMedicine = { code: string; label: string; ingredients: string | null; ald?: TAld };
export type TAct = { code: string; label: string; specialty: string; ald?: TAld };
export type TStay = { code: string; nature: string; days: [number, number]; ald?: TAld };

/** EAN-13 check digit, so the CIP13 codes pass a checksum like real ones do. */
export function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

const med = (body7: string, label: string, ingredients: string | null, ald?: TAld): TMedicine => ({ code: ean13(`34009${body7}`), label, ingredients, ald });

export const ACUTE_MEDICINES: readonly TMedicine[] = [
  med("3009142", "DOLIPRANE 1000MG CPR 8", "PARACETAMOL"),
  med("3001287", "DAFALGAN 1G CPR EFFERV 8", "PARACETAMOL"),
  med("3621455", "AMOXICILLINE BIOGARAN 1G CPR DISPERS 6", "AMOXICILLINE TRIHYDRATEE"),
  med("3580127", "AUGMENTIN 1G/125MG AD PDR ORALE SACHET 8", "AMOXICILLINE TRIHYDRATEE + CLAVULANATE DE POTASSIUM"),
  med("3141867", "ASPEGIC 1G AD PDR ORALE SACHET", "ACETYLSALICYLATE DL LYSINE"),
  med("3682374", "IBUPROFENE MYLAN 400MG CPR 30", "IBUPROFENE"),
  med("3364012", "SPASFON LYOC 80MG LYOPHILISAT ORAL 10", "PHLOROGLUCINOL"),
  med("3391856", "VENTOLINE 100µG/DOSE SUSP INH FL 200", "SALBUTAMOL SULFATE"),
  med("3745610", "SOLUPRED 20MG CPR ORODISPERS 20", "PREDNISOLONE METASULFOBENZOATE SODIQUE"),
  med("3322198", "SMECTA 3G PDR ORALE SACHET 30", "DIOSMECTITE"),
  med("3270411", "HELICIDINE 10% SIROP FL 250ML", "HELICIDINE"),
];

/** Lines a hospital delivers during a stay or an emergency visit (the « H » lines of the deck). */
export const HOSPITAL_MEDICINES: readonly TMedicine[] = [
  med("3305861", "TRANXENE 10MG GELULE 30", "CLORAZEPATE DIPOTASSIQUE"),
  med("3162508", "BETADINE DERMIQUE 10% SOL FP 125ML", "POVIDONE IODEE"),
  med("3521749", "LOVENOX 4000UI/0,4ML SOL INJ SER 10", "ENOXAPARINE SODIQUE"),
  med("3009142", "DOLIPRANE 1000MG CPR 8", "PARACETAMOL"),
  med("3427718", "TRAMADOL ARROW 50MG GELULE 30", "TRAMADOL CHLORHYDRATE"),
];

/** Chronic treatments by care profile; `ald` marks the medicines that imply a long-term condition. */
export const CHRONIC_MEDICINES = {
  CARDIOVASCULAR: [
    med("3961107", "AMLODIPINE EG 5MG GELULE 90", "AMLODIPINE BESILATE"),
    med("3781425", "ATORVASTATINE BIOGARAN 20MG CPR 90", "ATORVASTATINE CALCIQUE TRIHYDRATEE"),
    med("3614587", "RAMIPRIL ZENTIVA 5MG CPR 90", "RAMIPRIL"),
    med("3341129", "KARDEGIC 75MG PDR ORALE SACHET 30", "ACETYLSALICYLATE DL LYSINE"),
  ],
  THYROID: [med("3520981", "LEVOTHYROX 75µG CPR SECABLE 30", "LEVOTHYROXINE SODIQUE")],
  DIABETES: [
    med("3654270", "METFORMINE ARROW 1000MG CPR 90", "METFORMINE CHLORHYDRATE", "ALD8"),
    med("3702215", "LANTUS 100U/ML SOL INJ STYLO SOLOSTAR 5", "INSULINE GLARGINE", "ALD8"),
    med("3813392", "TRULICITY 1,5MG SOL INJ STYLO 4", "DULAGLUTIDE", "ALD8"),
    med("3781425", "ATORVASTATINE BIOGARAN 20MG CPR 90", "ATORVASTATINE CALCIQUE TRIHYDRATEE"),
  ],
  HEART_FAILURE: [
    med("4117690", "ELIQUIS 5MG CPR 60", "APIXABAN", "ALD5"),
    med("3718846", "BISOPROLOL ARROW 2,5MG CPR 30", "BISOPROLOL FUMARATE", "ALD5"),
    med("3549902", "FUROSEMIDE TEVA 40MG CPR 30", "FUROSEMIDE", "ALD5"),
    med("3890461", "ENTRESTO 49MG/51MG CPR 56", "SACUBITRIL + VALSARTAN", "ALD5"),
  ],
  CANCER: [
    med("3840176", "LETROZOLE ACCORD 2,5MG CPR 30", "LETROZOLE", "ALD30"),
    med("3610823", "ONDANSETRON ARROW 8MG CPR ORODISPERS 4", "ONDANSETRON", "ALD30"),
  ],
} as const satisfies Record<string, readonly TMedicine[]>;

/** Supplies (no active ingredient): the "Fournitures" of the pharmacy section. */
export const SUPPLIES = {
  DIABETES: [
    { code: "1102840", label: "BANDELETTES GLYCEMIE ACCU-CHEK GUIDE BTE 50", ingredients: null, ald: "ALD8" },
    { code: "1157351", label: "LANCETTES ACCU-CHEK FASTCLIX BTE 204", ingredients: null, ald: "ALD8" },
    { code: "1136218", label: "AIGUILLES BD MICRO-FINE+ 4MM BTE 100", ingredients: null, ald: "ALD8" },
  ],
  CARE: [
    { code: "1308542", label: "COMPRESSES STERILES NON TISSEES 7,5X7,5CM BTE 50", ingredients: null },
    { code: "1251096", label: "BANDE DE CONTENTION BIFLEX 16 10CMX3M", ingredients: null },
  ],
} as const satisfies Record<string, readonly TMedicine[]>;

export const GP_ACTS: readonly TAct[] = [
  { code: "G", label: "CONSULTATION", specialty: "MEDECINE GENERALE" },
  { code: "GS", label: "CONSULTATION", specialty: "MEDECINE GENERALE" },
  { code: "VG", label: "VISITE A DOMICILE", specialty: "MEDECINE GENERALE" },
];

/** Specialists by specialty: NGAP consultations and the CCAM acts each specialty performs. */
export const SPECIALIST_ACTS: Record<string, readonly TAct[]> = {
  CARDIOLOGIE: [
    { code: "CSC", label: "CONSULTATION CARDIOLOGIE", specialty: "CARDIOLOGIE" },
    { code: "DEQP003", label: "Électrocardiographie sur au moins 12 dérivations", specialty: "CARDIOLOGIE" },
  ],
  PNEUMOLOGIE: [
    { code: "CS", label: "CONSULTATION SPE", specialty: "PNEUMOLOGIE" },
    { code: "GLQP012", label: "Mesure de la capacité vitale et des débits expiratoires", specialty: "PNEUMOLOGIE" },
  ],
  OPHTALMOLOGIE: [
    { code: "CS", label: "CONSULTATION SPE", specialty: "OPHTALMOLOGIE" },
    { code: "BGQP002", label: "Examen du fond d'œil par biomicroscopie avec verre de contact", specialty: "OPHTALMOLOGIE" },
    { code: "BFGA004", label: "Ext. extracaps. cristallin, implant ds chambre post.", specialty: "OPHTALMOLOGIE" },
  ],
  DERMATOLOGIE: [
    { code: "CS", label: "CONSULTATION SPE", specialty: "DERMATOLOGIE" },
    { code: "QZFA036", label: "Exérèse partielle de lésion de la peau", specialty: "DERMATOLOGIE" },
  ],
  "GASTRO-ENTEROLOGIE": [
    { code: "CS", label: "CONSULTATION SPE", specialty: "GASTRO-ENTEROLOGIE" },
    { code: "HHQE002", label: "Coloscopie totale avec franchissement de l'orifice iléocolique", specialty: "GASTRO-ENTEROLOGIE" },
  ],
  ENDOCRINOLOGIE: [{ code: "CS", label: "CONSULTATION SPE", specialty: "ENDOCRINOLOGIE" }],
  "ONCOLOGIE MEDICALE": [{ code: "CS", label: "CONSULTATION SPE", specialty: "ONCOLOGIE MEDICALE" }],
  "CHIRURGIE DENTAIRE": [
    { code: "C", label: "CONSULTATION", specialty: "CHIRURGIE DENTAIRE" },
    { code: "HBJD001", label: "Détartrage et polissage des dents", specialty: "CHIRURGIE DENTAIRE" },
    { code: "HBMD038", label: "Restauration d'une dent sur 1 face par matériau inséré en phase plastique", specialty: "CHIRURGIE DENTAIRE" },
  ],
};

export const PARAMEDICAL_ACTS: readonly TAct[] = [
  { code: "AMI", label: "SOINS INFIRMIERS", specialty: "INFIRMIER" },
  { code: "AMK", label: "ACTES DE MASSO-KINESITHERAPIE", specialty: "MASSEUR-KINESITHERAPEUTE" },
];

export const IMAGING_ACTS: readonly TAct[] = [
  { code: "ZBQK002", label: "Radiographie du thorax", specialty: "RADIOLOGIE" },
  { code: "NFQK001", label: "Rx genou selon incidences", specialty: "RADIOLOGIE" },
  { code: "MZQK002", label: "Radiographie du poignet selon 1 à 3 incidences", specialty: "RADIOLOGIE" },
  { code: "ZCQM001", label: "Échographie transcutanée de l'abdomen", specialty: "RADIOLOGIE" },
  { code: "ACQK001", label: "Scanographie du crâne et de son contenu, sans injection", specialty: "RADIOLOGIE" },
  { code: "BGQM002", label: "Biométrie oculaire écho + paramètres pour puissance de l'implant", specialty: "OPHTALMOLOGIE" },
];

export const PROFILE_IMAGING: Record<string, readonly TAct[]> = {
  CANCER: [
    { code: "QEQK001", label: "Mammographie bilatérale", specialty: "RADIOLOGIE", ald: "ALD30" },
    { code: "ZZQH033", label: "Scanographie du thorax, de l'abdomen et du pelvis avec injection", specialty: "RADIOLOGIE", ald: "ALD30" },
  ],
  HEART_FAILURE: [{ code: "DZQM006", label: "Échocardiographie transthoracique", specialty: "CARDIOLOGIE", ald: "ALD5" }],
};

export const ACUTE_STAYS: readonly TStay[] = [
  { code: "09M04T", nature: "Autres interventions sur les tissus mous, en ambulatoire", days: [1, 1] },
  { code: "06K04J", nature: "Endoscopie digestive diagnostique et anesthésie, en ambulatoire", days: [1, 1] },
  { code: "06C091", nature: "Appendicectomies non compliquées, niveau 1", days: [2, 4] },
  { code: "02C05J", nature: "Interventions sur le cristallin avec ou sans vitrectomie, en ambulatoire", days: [1, 1] },
  { code: "08C481", nature: "Prothèses de hanche pour des affections autres que des traumatismes récents, niveau 1", days: [4, 8] },
  { code: "04M091", nature: "Bronchites et asthme, âge supérieur à 17 ans, niveau 1", days: [2, 5] },
];

export const PROFILE_STAYS: Record<string, readonly TStay[]> = {
  DIABETES: [{ code: "10M021", nature: "Diabète, âge supérieur à 35 ans, niveau 1", days: [3, 6], ald: "ALD8" }],
  HEART_FAILURE: [{ code: "05M091", nature: "Insuffisances cardiaques et états de choc circulatoire, niveau 1", days: [5, 10], ald: "ALD5" }],
  CANCER: [
    { code: "28Z07Z", nature: "Chimiothérapie pour tumeur, en séances", days: [1, 1], ald: "ALD30" },
    { code: "09C05J", nature: "Mastectomies subtotales pour tumeur maligne, en ambulatoire", days: [1, 1], ald: "ALD30" },
  ],
};

const ALD_BY_CODE = new Map<string, TAld>();
for (const list of [
  ...Object.values(CHRONIC_MEDICINES),
  ...Object.values(SUPPLIES),
  ...Object.values(PROFILE_IMAGING),
  ...Object.values(PROFILE_STAYS),
] as readonly (readonly { code: string; ald?: TAld }[])[]) {
  for (const entry of list) if (entry.ald) ALD_BY_CODE.set(entry.code, entry.ald);
}

/** The long-term condition a line's code implies, if any (NGAP letters such as CS imply none: they are shared). */
export function aldOfCode(code: string): TAld | null {
  return ALD_BY_CODE.get(code) ?? null;
}
