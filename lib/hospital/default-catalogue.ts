/**
 * The catalogue of documents an establishment exports to the DMP, as the AP-HP deployment
 * configured it in its clinical software (ORBIS): source, the deck « Mise en œuvre de
 * l'alimentation du DMP depuis ORBIS sur l'AP-HP » (DSI, Dr L. Treluyer, 2020), slide
 * « Liste des documents exportés vers le DMP » — 44 names copied as written there.
 *
 * The deck marked each line with its default masking by a colour whose legend (non masqué,
 * masqué aux PS, invisible au patient) did not survive in its text: the defaults below are
 * the simulator's own choice, and so are the DMP type codes (JDV_J66, docs/DESIGN.md
 * Reference data). Each line says why in `why`; README « Catalogue des documents » lists them.
 * A new establishment starts from this list; its administrator then edits its own copy.
 */
export type TMaskingDefault = "NONE" | "MASQUE_PS" | "INVISIBLE_PATIENT" | "INVISIBLE_REPRESENTANTS_LEGAUX";

export type TDefaultCatalogueEntry = { name: string; typeCode: string; defaultMasking: TMaskingDefault; why: string };

const CRH = "34112-3";
const LIAISON = "11490-0";
const CONSULT = "11488-4";
const OPERATIVE = "34874-8";
const EMERGENCY = "15507-7";
const MEDICATION = "57833-6";
const CARE = "57832-8";

const visible = "visible de tous : document de coordination des soins sans annonce à faire";
const procedure = "acte interventionnel décrit par l'opérateur : type CR opératoire (34874-8), visible de tous";

export const DEFAULT_CATALOGUE: readonly TDefaultCatalogueEntry[] = [
  { name: "CRH Hôpital", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "Lettre type", typeCode: LIAISON, defaultMasking: "NONE", why: "courrier au médecin de ville : lettre de liaison (11490-0), visible de tous" },
  { name: "Compte rendu de coronarographie", typeCode: OPERATIVE, defaultMasking: "NONE", why: procedure },
  { name: "CRH chirurgie", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CRH chirurgie (nouveau)", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CRH services", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "Compte rendu opératoire", typeCode: OPERATIVE, defaultMasking: "NONE", why: visible },
  { name: "CR Consultation", typeCode: CONSULT, defaultMasking: "NONE", why: visible },
  { name: "CRH HDJ", typeCode: CRH, defaultMasking: "NONE", why: "hôpital de jour : séjour, visible de tous" },
  { name: "CR urgences", typeCode: EMERGENCY, defaultMasking: "NONE", why: "rédigé dans le logiciel de l'établissement (le CRU du logiciel des urgences, lui, n'est pas exportable) ; visible de tous" },
  { name: "CR Consultation Drépanocytose", typeCode: CONSULT, defaultMasking: "NONE", why: "maladie chronique connue du patient : visible de tous" },
  { name: "CRH HDJ Drépanocytose", typeCode: CRH, defaultMasking: "NONE", why: "maladie chronique connue du patient : visible de tous" },
  { name: "CRH Drépanocytose", typeCode: CRH, defaultMasking: "NONE", why: "maladie chronique connue du patient : visible de tous" },
  { name: "CRH Intermédiaire Drépanocytose", typeCode: CRH, defaultMasking: "NONE", why: "maladie chronique connue du patient : visible de tous" },
  { name: "CR Endoscopie digestive", typeCode: OPERATIVE, defaultMasking: "NONE", why: procedure },
  { name: "Ordonnance", typeCode: MEDICATION, defaultMasking: "NONE", why: "le pharmacien et le médecin traitant doivent la lire : visible de tous" },
  { name: "Ordonnance bizone", typeCode: MEDICATION, defaultMasking: "NONE", why: "ordonnance ALD : le pharmacien et le médecin traitant doivent la lire, visible de tous" },
  { name: "Certificat Médical accompagnant la demande MDPH", typeCode: CONSULT, defaultMasking: "NONE", why: "aucun type « certificat » médical dans JDV_J66 : fiche de consultation (11488-4) ; visible de tous, le patient le transmet lui-même" },
  { name: "Demande HAD", typeCode: CARE, defaultMasking: "NONE", why: "prescription d'hospitalisation à domicile : prescription de soins (57832-8), visible de tous" },
  { name: "CRH HDJ old", typeCode: CRH, defaultMasking: "NONE", why: "ancien modèle gardé pour l'historique : visible de tous" },
  { name: "CRH Hématologie", typeCode: CRH, defaultMasking: "INVISIBLE_PATIENT", why: "peut porter le premier diagnostic d'une hémopathie maligne : invisible au patient jusqu'à la consultation d'annonce" },
  { name: "CRH Hospitalisation hématologie greffe", typeCode: CRH, defaultMasking: "NONE", why: "diagnostic déjà annoncé avant la greffe : visible de tous" },
  { name: "CR Consultation hématologie pré-greffe", typeCode: CONSULT, defaultMasking: "NONE", why: "diagnostic déjà annoncé avant la greffe : visible de tous" },
  { name: "CRH HEM HDJ Suivi Post-Greffe", typeCode: CRH, defaultMasking: "NONE", why: "suivi d'un diagnostic annoncé : visible de tous" },
  { name: "CRH Chir. Hépato", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CRH AVC", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CR de thrombectomie", typeCode: OPERATIVE, defaultMasking: "NONE", why: procedure },
  { name: "CRH néonatologie", typeCode: CRH, defaultMasking: "NONE", why: "les parents, représentants légaux du nouveau-né, doivent le lire : visible de tous" },
  { name: "CRH Neuropathies périphériques", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CR Bilan PostOp Nutrition", typeCode: CONSULT, defaultMasking: "NONE", why: visible },
  { name: "CR Bilan PreOp Nutrition", typeCode: CONSULT, defaultMasking: "NONE", why: visible },
  { name: "CRH Hospitalisation Nutrition", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CR Consultation Nutrition (initiale) CI", typeCode: CONSULT, defaultMasking: "NONE", why: visible },
  { name: "CRH Orthopédie", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CRH Interm. Pédiatrie", typeCode: CRH, defaultMasking: "NONE", why: "les représentants légaux de l'enfant doivent le lire : visible de tous" },
  { name: "CRH Pédiatrie", typeCode: CRH, defaultMasking: "NONE", why: "les représentants légaux de l'enfant doivent le lire : visible de tous" },
  { name: "CR Consultation Pneumologie", typeCode: CONSULT, defaultMasking: "NONE", why: visible },
  { name: "CRH HDJ Pneumologie", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "CRH Pneumologie", typeCode: CRH, defaultMasking: "NONE", why: visible },
  { name: "Lettre de sortie Pneumologie", typeCode: LIAISON, defaultMasking: "NONE", why: "lettre de liaison à la sortie (11490-0) : visible de tous" },
  { name: "CR consultation pédopsychiatrie", typeCode: CONSULT, defaultMasking: "INVISIBLE_REPRESENTANTS_LEGAUX", why: "ce que l'enfant ou l'adolescent confie au pédopsychiatre : invisible aux représentants légaux" },
  { name: "CR psychologues.", typeCode: CONSULT, defaultMasking: "MASQUE_PS", why: "bilan psychologique : masqué aux PS (lu par son auteur, le médecin traitant et le patient)" },
  { name: "CRH Psychiatrie", typeCode: CRH, defaultMasking: "MASQUE_PS", why: "séjour en psychiatrie : masqué aux PS (lu par son auteur, le médecin traitant et le patient)" },
  { name: "CR Evol UHCD pédiatriques", typeCode: EMERGENCY, defaultMasking: "NONE", why: "unité d'hospitalisation de courte durée des urgences pédiatriques : passage aux urgences (15507-7), visible de tous" },
];

/** An EHPAD's catalogue starts with the document the deck expects from it: the DLU (74207-2). */
export const EHPAD_DEFAULT_CATALOGUE: readonly TDefaultCatalogueEntry[] = [
  { name: "Dossier de liaison d'urgence (DLU)", typeCode: "74207-2", defaultMasking: "NONE", why: "document attendu en priorité d'un EHPAD : le SAMU et les urgences doivent le lire" },
  { name: "Ordonnance", typeCode: "57833-6", defaultMasking: "NONE", why: "le pharmacien et le médecin traitant doivent la lire : visible de tous" },
  { name: "Plan de soins", typeCode: "18776-5", defaultMasking: "NONE", why: visible },
];
