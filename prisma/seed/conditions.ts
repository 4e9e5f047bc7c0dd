/**
 * Clinical profiles the demo documents and summaries are written from: one per kind of
 * patient story. Fictitious but medically coherent French text.
 */
export type TCondition =
  | "cardio"
  | "diabetes"
  | "oncology"
  | "pregnancy"
  | "pediatric"
  | "geriatric"
  | "trauma"
  | "ortho"
  | "general";

export type TConditionProfile = {
  problem: string;
  antecedents: string[];
  treatments: { medication: string; dosage: string }[];
  allergies: { substance: string; reaction: string; severity: "légère" | "modérée" | "sévère" }[];
  consultation: { reason: string; exam: string[]; conclusion: string };
  biology: string[];
  imaging: { exam: string; findings: string[]; conclusion: string };
  service: string;
  stay: { reason: string; course: string[] };
  surgery: { name: string; steps: string[] };
  ald: string | null;
  nursing: string[];
  rehab: string[];
};

export const CONDITIONS: Readonly<Record<TCondition, TConditionProfile>> = {
  cardio: {
    problem: "Fibrillation atriale paroxystique sur cardiopathie hypertensive",
    antecedents: ["Hypertension artérielle depuis 2009", "Dyslipidémie", "Tabagisme sevré en 2015 (20 paquets-années)"],
    treatments: [
      { medication: "Xarelto 20 mg", dosage: "1 comprimé le soir au cours du repas" },
      { medication: "Bisoprolol 5 mg", dosage: "1 comprimé le matin" },
      { medication: "Ramipril 5 mg", dosage: "1 comprimé le matin" },
      { medication: "Atorvastatine 20 mg", dosage: "1 comprimé le soir" },
    ],
    allergies: [{ substance: "Pénicillines", reaction: "Urticaire généralisée", severity: "modérée" }],
    consultation: {
      reason: "Suivi de fibrillation atriale, palpitations intermittentes",
      exam: ["PA 138/82 mmHg, FC 68/min régulière.", "Auscultation cardiaque : pas de souffle. Pas d'œdème des membres inférieurs.", "ECG : rythme sinusal, PR 180 ms, QRS fins."],
      conclusion: "FA paroxystique bien contrôlée sous bêtabloquant. CHA2DS2-VASc à 2 : poursuite de l'anticoagulation.",
    },
    biology: ["Créatinine : 92 µmol/L (DFG CKD-EPI 74 mL/min/1,73 m²)", "Potassium : 4,3 mmol/L", "NT-proBNP : 320 ng/L", "LDL-cholestérol : 0,92 g/L", "Hémoglobine : 14,1 g/dL"],
    imaging: {
      exam: "Échocardiographie transthoracique",
      findings: ["Ventricule gauche non dilaté, FEVG estimée à 55 %.", "Hypertrophie ventriculaire gauche concentrique modérée.", "Oreillette gauche modérément dilatée (surface 24 cm²)."],
      conclusion: "Cardiopathie hypertensive à fonction systolique conservée.",
    },
    service: "Cardiologie",
    stay: { reason: "Fibrillation atriale rapide mal tolérée", course: ["Ralentissement par bêtabloquant IV puis relais oral.", "Retour spontané en rythme sinusal à J2.", "Introduction d'un anticoagulant oral direct."] },
    surgery: { name: "Ablation de fibrillation atriale par radiofréquence", steps: ["Abord veineux fémoral droit échoguidé.", "Isolation des veines pulmonaires.", "Absence de complication immédiate."] },
    ald: "ALD 5 – Insuffisance cardiaque grave, troubles du rythme graves",
    nursing: ["Surveillance de la pression artérielle et de la fréquence cardiaque.", "Éducation à l'observance de l'anticoagulant."],
    rehab: ["Réentraînement à l'effort : 20 séances.", "Test de marche de 6 minutes : 420 m."],
  },
  diabetes: {
    problem: "Diabète de type 2 sous antidiabétiques oraux",
    antecedents: ["Diabète de type 2 découvert en 2016", "Surpoids (IMC 29)", "Rétinopathie diabétique minime"],
    treatments: [
      { medication: "Metformine 850 mg", dosage: "1 comprimé matin et soir" },
      { medication: "Atorvastatine 20 mg", dosage: "1 comprimé le soir" },
      { medication: "Kardegic 75 mg", dosage: "1 sachet par jour" },
    ],
    allergies: [{ substance: "Iode (produits de contraste iodés)", reaction: "Éruption cutanée", severity: "légère" }],
    consultation: {
      reason: "Suivi trimestriel du diabète",
      exam: ["Poids 86 kg, PA 132/80 mmHg.", "Examen des pieds : monofilament perçu, pouls pédieux présents.", "Pas de plaie."],
      conclusion: "Équilibre glycémique correct (HbA1c 6,9 %). Poursuite du traitement, contrôle dans 3 mois.",
    },
    biology: ["HbA1c : 6,9 %", "Glycémie à jeun : 1,32 g/L", "Créatinine : 84 µmol/L (DFG 88 mL/min/1,73 m²)", "Microalbuminurie : 18 mg/24 h", "LDL-cholestérol : 0,98 g/L"],
    imaging: { exam: "Échographie abdominale", findings: ["Foie de taille normale, hyperéchogène homogène (stéatose).", "Pas de dilatation des voies biliaires."], conclusion: "Stéatose hépatique modérée." },
    service: "Endocrinologie",
    stay: { reason: "Déséquilibre glycémique", course: ["Adaptation thérapeutique.", "Séances d'éducation thérapeutique."] },
    surgery: { name: "Cure de hernie ombilicale", steps: ["Incision péri-ombilicale.", "Réintégration du sac, fermeture de l'orifice."] },
    ald: "ALD 8 – Diabète de type 1 et diabète de type 2",
    nursing: ["Surveillance glycémique capillaire.", "Soins de pédicurie préventifs conseillés."],
    rehab: ["Bilan de marche et conseils d'activité physique adaptée."],
  },
  oncology: {
    problem: "Adénocarcinome bronchique du lobe supérieur droit",
    antecedents: ["Tabagisme actif (40 paquets-années)", "BPCO stade 2", "Hypertension artérielle"],
    treatments: [
      { medication: "Ramipril 5 mg", dosage: "1 comprimé le matin" },
      { medication: "Ventoline 100 µg", dosage: "2 bouffées si besoin" },
      { medication: "Ondansétron 8 mg", dosage: "1 comprimé avant chaque cure" },
    ],
    allergies: [],
    consultation: {
      reason: "Toux persistante et amaigrissement de 5 kg en 3 mois",
      exam: ["État général conservé (OMS 1).", "Auscultation : diminution du murmure vésiculaire apical droit.", "Pas d'adénopathie sus-claviculaire palpable."],
      conclusion: "Opacité du lobe supérieur droit : bilan d'extension et biopsie programmés.",
    },
    biology: ["Hémoglobine : 12,4 g/dL", "Leucocytes : 8,2 G/L", "Plaquettes : 310 G/L", "Calcémie : 2,38 mmol/L", "ACE : 12 ng/mL"],
    imaging: {
      exam: "Scanner thoracique et abdominal avec injection",
      findings: ["Masse spiculée du lobe supérieur droit de 32 mm.", "Adénopathie médiastinale de 12 mm (loge 4R).", "Pas de lésion hépatique ni surrénalienne."],
      conclusion: "Lésion pulmonaire suspecte de néoplasie, classée cT2a N2 M0.",
    },
    service: "Oncologie médicale",
    stay: { reason: "Première cure de chimiothérapie", course: ["Cure de carboplatine-pémétrexed bien tolérée.", "Nausées de grade 1 contrôlées."] },
    surgery: { name: "Pose d'une chambre à cathéter implantable", steps: ["Abord de la veine jugulaire interne droite sous échographie.", "Boîtier en position sous-claviculaire.", "Contrôle radiologique satisfaisant."] },
    ald: "ALD 30 – Tumeur maligne",
    nursing: ["Rinçage de la chambre implantable.", "Surveillance des effets indésirables de la chimiothérapie."],
    rehab: ["Kinésithérapie respiratoire : drainage bronchique."],
  },
  pregnancy: {
    problem: "Grossesse menée à terme, accouchement par voie basse",
    antecedents: ["Primigeste", "Pas d'antécédent notable"],
    treatments: [{ medication: "Acide folique 0,4 mg", dosage: "1 comprimé par jour" }, { medication: "Fer (Tardyferon 80 mg)", dosage: "1 comprimé par jour" }],
    allergies: [],
    consultation: {
      reason: "Consultation prénatale du 8e mois",
      exam: ["Hauteur utérine 31 cm, bruits du cœur fœtal perçus.", "PA 118/72 mmHg, pas d'œdème.", "Bandelette urinaire négative."],
      conclusion: "Grossesse de déroulement normal. Présentation céphalique.",
    },
    biology: ["Groupe sanguin : A Rhésus positif", "Toxoplasmose : immunisée", "Glycémie post-charge (HGPO) : normale", "Hémoglobine : 11,2 g/dL", "Sérologie VIH : négative"],
    imaging: { exam: "Échographie obstétricale du 3e trimestre", findings: ["Fœtus unique, présentation céphalique.", "Biométries au 50e percentile.", "Placenta antérieur haut, liquide amniotique normal."], conclusion: "Croissance fœtale harmonieuse." },
    service: "Maternité",
    stay: { reason: "Accouchement", course: ["Travail spontané à 39 SA + 4 j.", "Péridurale efficace.", "Suites de couches simples."] },
    surgery: { name: "Suture d'une déchirure périnéale simple", steps: ["Anesthésie péridurale en place.", "Suture en deux plans."] },
    ald: null,
    nursing: ["Surveillance du post-partum.", "Soutien à l'allaitement maternel."],
    rehab: ["Rééducation périnéale : 10 séances."],
  },
  pediatric: {
    problem: "Suivi pédiatrique",
    antecedents: ["Né à terme, poids de naissance 3,35 kg", "Asthme du nourrisson résolu"],
    treatments: [{ medication: "Vitamine D (ZymaD)", dosage: "4 gouttes par jour" }],
    allergies: [{ substance: "Arachide", reaction: "Œdème des lèvres", severity: "sévère" }],
    consultation: {
      reason: "Examen de santé systématique",
      exam: ["Croissance staturo-pondérale harmonieuse (courbes du carnet de santé).", "Examen clinique normal.", "Développement psychomoteur adapté à l'âge."],
      conclusion: "Enfant en bonne santé. Vaccinations à jour.",
    },
    biology: ["Hémoglobine : 12,8 g/dL", "Ferritine : 35 µg/L", "IgE spécifiques arachide : 8,4 kUA/L"],
    imaging: { exam: "Radiographie du poignet gauche", findings: ["Pas de trait de fracture.", "Cartilages de croissance normaux."], conclusion: "Absence de lésion osseuse." },
    service: "Pédiatrie",
    stay: { reason: "Bronchiolite", course: ["Désobstruction rhinopharyngée et fractionnement de l'alimentation.", "Pas d'oxygénothérapie nécessaire."] },
    surgery: { name: "Adénoïdectomie", steps: ["Anesthésie générale.", "Curetage des végétations adénoïdes."] },
    ald: null,
    nursing: ["Surveillance de la courbe de poids."],
    rehab: ["Kinésithérapie respiratoire."],
  },
  geriatric: {
    problem: "Troubles neurocognitifs modérés, chutes à répétition",
    antecedents: ["Maladie d'Alzheimer diagnostiquée en 2020", "Fracture du col fémoral droit opérée en 2022", "Hypertension artérielle", "Hypothyroïdie"],
    treatments: [
      { medication: "Levothyrox 75 µg", dosage: "1 comprimé le matin à jeun" },
      { medication: "Amlodipine 5 mg", dosage: "1 gélule le matin" },
      { medication: "Doliprane 1000 mg", dosage: "1 comprimé jusqu'à 3 fois par jour si douleur" },
    ],
    allergies: [{ substance: "Codéine", reaction: "Confusion", severity: "modérée" }],
    consultation: {
      reason: "Visite de suivi en EHPAD",
      exam: ["Poids stable à 62 kg.", "Marche avec déambulateur, équilibre précaire.", "MMSE 18/30."],
      conclusion: "État stable. Prévention des chutes renforcée.",
    },
    biology: ["TSH : 2,1 mUI/L", "Créatinine : 105 µmol/L (DFG 52 mL/min/1,73 m²)", "Albumine : 34 g/L", "Sodium : 138 mmol/L"],
    imaging: { exam: "Radiographie du bassin", findings: ["Matériel d'ostéosynthèse fémoral droit en place.", "Pas de fracture récente."], conclusion: "Pas de lésion traumatique." },
    service: "Gériatrie aiguë",
    stay: { reason: "Chute avec traumatisme crânien léger", course: ["Scanner cérébral sans lésion.", "Bilan de chute, révision des traitements."] },
    surgery: { name: "Ostéosynthèse du col fémoral", steps: ["Réduction sur table orthopédique.", "Vissage-plaque."] },
    ald: "ALD 15 – Maladie d'Alzheimer et autres démences",
    nursing: ["Aide à la toilette et à l'habillage.", "Surveillance de l'hydratation et du poids.", "Prévention des escarres."],
    rehab: ["Travail de l'équilibre et prévention des chutes.", "Score de Tinetti : 17/28."],
  },
  trauma: {
    problem: "Polytraumatisme après accident de la voie publique",
    antecedents: ["Pas d'antécédent notable"],
    treatments: [{ medication: "Doliprane 1000 mg", dosage: "1 comprimé toutes les 6 heures si douleur" }, { medication: "Lovenox 4000 UI", dosage: "1 injection sous-cutanée par jour pendant 21 jours" }],
    allergies: [],
    consultation: { reason: "Contrôle à 6 semaines d'une fracture", exam: ["Cicatrice propre.", "Mobilité en progression, douleur à 2/10."], conclusion: "Consolidation en cours. Reprise progressive de l'appui." },
    biology: ["Hémoglobine : 11,9 g/dL", "CRP : 14 mg/L", "Lactates : 1,6 mmol/L"],
    imaging: { exam: "Scanner corps entier (body-scanner)", findings: ["Fracture de la diaphyse tibiale gauche.", "Contusion pulmonaire basale gauche minime.", "Pas de lésion intracrânienne ni viscérale."], conclusion: "Fracture tibiale gauche isolée, contusion pulmonaire minime." },
    service: "Chirurgie orthopédique et traumatologique",
    stay: { reason: "Fracture de jambe après accident de scooter", course: ["Enclouage centromédullaire tibial à J1.", "Suites simples, lever à J2."] },
    surgery: { name: "Enclouage centromédullaire du tibia gauche", steps: ["Installation en décubitus dorsal, garrot non utilisé.", "Alésage et mise en place d'un clou verrouillé.", "Contrôle scopique satisfaisant."] },
    ald: null,
    nursing: ["Pansements tous les 2 jours.", "Injections d'anticoagulant."],
    rehab: ["Récupération des amplitudes du genou et de la cheville.", "Appui partiel puis complet."],
  },
  ortho: {
    problem: "Gonarthrose et chirurgie prothétique",
    antecedents: ["Entorse grave du genou droit en 2019", "Ménisectomie interne droite"],
    treatments: [{ medication: "Ibuprofène 400 mg", dosage: "1 comprimé 3 fois par jour pendant 5 jours" }, { medication: "Doliprane 1000 mg", dosage: "1 comprimé jusqu'à 3 fois par jour" }],
    allergies: [{ substance: "Latex", reaction: "Eczéma de contact", severity: "légère" }],
    consultation: { reason: "Douleurs du genou à la marche", exam: ["Épanchement intra-articulaire modéré.", "Flexion limitée à 110°."], conclusion: "Indication opératoire retenue après échec du traitement médical." },
    biology: ["Hémoglobine : 13,5 g/dL", "TP : 98 %", "CRP : < 5 mg/L"],
    imaging: { exam: "IRM du genou droit", findings: ["Rupture du ligament croisé antérieur.", "Lésion méniscale interne."], conclusion: "Rupture du LCA avec lésion méniscale associée." },
    service: "Chirurgie orthopédique",
    stay: { reason: "Chirurgie programmée du genou", course: ["Intervention sans complication.", "Lever à J1, sortie à J3."] },
    surgery: { name: "Ligamentoplastie du ligament croisé antérieur", steps: ["Arthroscopie du genou droit.", "Prélèvement et mise en place du greffon.", "Fixation par vis d'interférence."] },
    ald: null,
    nursing: ["Pansements et ablation des agrafes à J15.", "Surveillance des signes de phlébite."],
    rehab: ["Flexion 90° à S3, extension complète.", "Renforcement du quadriceps.", "Reprise de la course envisageable à 4 mois."],
  },
  general: {
    problem: "Hypothyroïdie et suivi de médecine générale",
    antecedents: ["Hypothyroïdie (thyroïdite de Hashimoto)", "Appendicectomie dans l'enfance", "Migraine sans aura"],
    treatments: [{ medication: "Levothyrox 75 µg", dosage: "1 comprimé le matin à jeun" }],
    allergies: [{ substance: "Acariens", reaction: "Rhinite allergique", severity: "légère" }],
    consultation: { reason: "Bilan annuel", exam: ["PA 124/78 mmHg, poids stable.", "Examen cardio-pulmonaire normal.", "Thyroïde non palpable."], conclusion: "Bon équilibre thérapeutique. Bilan biologique annuel prescrit." },
    biology: ["TSH : 1,8 mUI/L", "Glycémie à jeun : 0,92 g/L", "Cholestérol total : 2,05 g/L", "Hémoglobine : 13,2 g/dL", "Ferritine : 48 µg/L"],
    imaging: { exam: "Échographie thyroïdienne", findings: ["Thyroïde hétérogène, de taille normale.", "Pas de nodule suspect."], conclusion: "Aspect de thyroïdite chronique, sans nodule." },
    service: "Médecine interne",
    stay: { reason: "Pyélonéphrite aiguë", course: ["Antibiothérapie intraveineuse puis relais oral.", "Apyrexie à 48 h."] },
    surgery: { name: "Cholécystectomie par cœlioscopie", steps: ["Open cœlioscopie ombilicale.", "Dissection du triangle de Calot, clips sur le canal et l'artère cystiques."] },
    ald: null,
    nursing: ["Injection intramusculaire.", "Prise de sang à domicile."],
    rehab: ["Rééducation lombaire : 10 séances."],
  },
};

/** Patient-specific summary variations on top of the profile (allergies differ per person). */
export const EXTRA_ALLERGIES: Readonly<Record<string, { substance: string; reaction: string; severity: "légère" | "modérée" | "sévère" }[]>> = {
  "marie.dupont": [{ substance: "Amoxicilline", reaction: "Éruption maculo-papuleuse", severity: "modérée" }],
  "hugo.blanc": [{ substance: "Pollen de graminées", reaction: "Rhino-conjonctivite", severity: "légère" }],
  "sarah.cohen": [{ substance: "Anti-inflammatoires non stéroïdiens", reaction: "Bronchospasme", severity: "sévère" }],
  "chloe.petitjean": [{ substance: "Fruits à coque", reaction: "Urticaire", severity: "modérée" }],
};
