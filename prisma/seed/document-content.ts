import { documentTypeLabel } from "@/lib/reference/document-types";
import { formatNir } from "@/lib/identity/nir";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { CONDITIONS, type TConditionProfile } from "./conditions";
import type { TLetter } from "./letter";
import type { TDemoPatient } from "./patients";
import type { TDemoProfessional } from "./professionals";
import type { TDemoStructure } from "./structures";
import { agree } from "@/lib/text/french";

export type TContentInput = {
  typeCode: string;
  title?: string;
  /** Replaces the generated body (special cases). */
  lines?: string[];
  patient: TDemoPatient;
  author: TDemoProfessional | null;
  structure: TDemoStructure | null;
  /** Who wrote a patient document (the patient or a legal representative). */
  patientAuthorName?: string;
  serviceDate: Date;
  /** Version 1 of a replaced document says so in its text. */
  version?: number;
};

const FR_DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
const FR_SHORT = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Paris" });

function frenchDate(d: Date): string {
  return FR_DATE.format(d);
}

function birthDateFr(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function authorName(a: TDemoProfessional): string {
  return [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
}

function patientLine(p: TDemoPatient): string {
  const civility = p.sex === "M" ? "M." : "Mme";
  const born = p.sex === "M" ? "né" : "née";
  const birthName = p.birthName ? ` (${born} ${p.birthName.toUpperCase()})` : "";
  return `Patient : ${civility} ${p.firstName} ${p.lastName.toUpperCase()}${birthName}, ${born} le ${birthDateFr(p.birthDate)} – INS ${formatNir(p.nir)}`;
}

function medsLines(c: TConditionProfile): string[] {
  return c.treatments.map((t) => `• ${t.medication} : ${t.dosage}.`);
}

type TBody = { title: string; sections: TLetter["sections"] };

function bodyFor(input: TContentInput, c: TConditionProfile): TBody {
  const p = input.patient;
  const who = `${p.sex === "M" ? "M." : "Mme"} ${p.lastName}`;
  const a = input.author;
  const label = documentTypeLabel(input.typeCode);
  switch (input.typeCode) {
    case "11488-4": {
      const spec = a ? professionWithSpecialtyLabel(a.profession, a.specialty) : "";
      if (a?.profession === "40") {
        return {
          title: "Compte rendu de consultation dentaire",
          sections: [
            { heading: "Motif", lines: ["Contrôle annuel et détartrage."] },
            { heading: "Examen", lines: ["Gingivite modérée, pas de carie active.", "Radiographie panoramique sans lésion apicale."] },
            { heading: "Conduite à tenir", lines: ["Détartrage réalisé. Avant toute extraction, tenir compte du traitement anticoagulant ou antiagrégant en cours."] },
          ],
        };
      }
      if (a?.profession === "50") {
        return {
          title: "Compte rendu de consultation de sage-femme",
          sections: [
            { heading: "Motif", lines: [c.consultation.reason] },
            { heading: "Examen", lines: c.consultation.exam },
            { heading: "Conclusion", lines: [c.consultation.conclusion] },
          ],
        };
      }
      return {
        title: `Compte rendu de consultation${spec ? ` – ${spec}` : ""}`,
        sections: [
          { lines: [`Cher confrère, chère consœur, j'ai vu en consultation ${who} pour : ${c.consultation.reason.toLowerCase()}.`] },
          { heading: "Antécédents", lines: c.antecedents.map((x) => `• ${x}`) },
          { heading: "Examen clinique", lines: c.consultation.exam },
          { heading: "Conclusion", lines: [c.consultation.conclusion] },
          { heading: "Traitement", lines: medsLines(c) },
        ],
      };
    }
    case "11490-0":
      return {
        title: `Lettre de liaison à la sortie – ${c.service}`,
        sections: [
          { lines: [`${who} a été ${agree(p.sex, "hospitalisé", "hospitalisée")} dans le service de ${c.service.toLowerCase()} pour : ${c.stay.reason.toLowerCase()}.`] },
          { heading: "Synthèse du séjour", lines: c.stay.course },
          { heading: "Traitement de sortie", lines: medsLines(c) },
          { heading: "Suites", lines: ["Consultation de contrôle dans un mois. Le médecin traitant est destinataire de ce courrier."] },
        ],
      };
    case "34112-3":
      return {
        title: `Compte rendu d'hospitalisation – ${c.service}`,
        sections: [
          { heading: "Motif d'hospitalisation", lines: [c.stay.reason] },
          { heading: "Antécédents", lines: c.antecedents.map((x) => `• ${x}`) },
          { heading: "Évolution", lines: c.stay.course },
          { heading: "Examens complémentaires", lines: c.biology.slice(0, 3) },
          { heading: "Diagnostic principal", lines: [c.problem] },
        ],
      };
    case "34874-8":
      return {
        title: `Compte rendu opératoire – ${c.surgery.name}`,
        sections: [
          { heading: "Indication", lines: [c.problem] },
          { heading: "Intervention", lines: [c.surgery.name] },
          { heading: "Déroulement", lines: c.surgery.steps },
          { heading: "Consignes", lines: ["Surveillance habituelle, antalgiques de palier 1, prévention thrombo-embolique selon protocole."] },
        ],
      };
    case "18748-4":
      return {
        title: `Compte rendu d'imagerie – ${c.imaging.exam}`,
        sections: [
          { heading: "Indication", lines: [c.consultation.reason] },
          { heading: "Technique", lines: [`${c.imaging.exam}. Dose et paramètres d'acquisition conformes au protocole du service.`] },
          { heading: "Résultats", lines: c.imaging.findings },
          { heading: "Conclusion", lines: [c.imaging.conclusion] },
        ],
      };
    case "11502-2":
      return {
        title: "Compte rendu d'examens biologiques",
        sections: [
          { heading: "Prélèvement", lines: [`Prélèvement veineux du ${FR_SHORT.format(input.serviceDate)} à 8 h 10, à jeun.`] },
          { heading: "Résultats", lines: c.biology },
          { heading: "Commentaire du biologiste", lines: ["Résultats validés biologiquement. Valeurs de référence au verso du compte rendu papier."] },
        ],
      };
    case "15508-5":
      return {
        title: "Compte rendu d'accouchement",
        sections: [
          { heading: "Travail", lines: ["Mise en travail spontanée à 39 SA + 4 j. Analgésie péridurale."] },
          { heading: "Accouchement", lines: ["Accouchement par voie basse, présentation céphalique, délivrance complète.", "Déchirure périnéale simple suturée."] },
          { heading: "Nouveau-né", lines: ["Garçon, 3 350 g, 50 cm, Apgar 10/10. Mise au sein en salle de naissance."] },
        ],
      };
    case "15507-7":
      return {
        title: "Compte rendu de passage aux urgences",
        sections: [
          { heading: "Motif de recours", lines: [c.stay.reason] },
          { heading: "Constantes à l'arrivée", lines: ["PA 128/76 mmHg, FC 92/min, SpO2 97 % en air ambiant, température 37,2 °C."] },
          { heading: "Prise en charge", lines: c.stay.course.slice(0, 2) },
          { heading: "Orientation", lines: ["Retour à domicile avec consignes de surveillance ou hospitalisation selon évolution."] },
        ],
      };
    case "47420-5":
      return {
        title: "Bilan fonctionnel de masso-kinésithérapie",
        sections: [
          { heading: "Prescription", lines: ["Rééducation prescrite par le médecin : 15 séances."] },
          { heading: "Bilan", lines: c.rehab },
          { heading: "Objectifs", lines: ["Autonomie dans les activités de la vie quotidienne, reprise des activités antérieures."] },
        ],
      };
    case "11506-3":
      return {
        title: "Fiche de suivi de soins infirmiers",
        sections: [
          { heading: "Soins réalisés", lines: c.nursing },
          { heading: "Observations", lines: [`${agree(p.sex, "Patient coopérant", "Patiente coopérante")}, pas d'événement indésirable.`, "Transmission faite au médecin traitant."] },
        ],
      };
    case "34794-8":
      return {
        title: "Compte rendu de réunion de concertation pluridisciplinaire – oncologie thoracique",
        sections: [
          { heading: "Dossier présenté", lines: [c.problem, ...c.imaging.findings] },
          { heading: "Participants", lines: ["Oncologue, pneumologue, chirurgien thoracique, radiothérapeute, radiologue, anatomo-pathologiste."] },
          { heading: "Proposition thérapeutique", lines: ["Chimio-radiothérapie concomitante (carboplatine-pémétrexed), puis immunothérapie de consolidation.", "Pose d'une chambre implantable."] },
        ],
      };
    case "60568-3":
      return {
        title: "Compte rendu d'anatomie et de cytologie pathologiques – biopsie bronchique",
        sections: [
          { heading: "Renseignements cliniques", lines: ["Masse du lobe supérieur droit, biopsies per-endoscopiques."] },
          { heading: "Examen macroscopique", lines: ["Quatre fragments biopsiques de 1 à 3 mm."] },
          { heading: "Examen microscopique", lines: ["Prolifération carcinomateuse d'architecture glandulaire.", "Immunohistochimie : TTF1 positif, p40 négatif. PD-L1 : 60 % des cellules tumorales."] },
          { heading: "Conclusion", lines: ["Adénocarcinome pulmonaire infiltrant. Recherche d'altérations moléculaires en cours."] },
        ],
      };
    case "34749-2":
      return {
        title: "Compte rendu de consultation pré-anesthésique",
        sections: [
          { heading: "Intervention prévue", lines: [c.surgery.name] },
          { heading: "Antécédents et traitements", lines: [...c.antecedents.map((x) => `• ${x}`), ...medsLines(c)] },
          { heading: "Allergies", lines: c.allergies.length ? c.allergies.map((x) => `• ${x.substance} (${x.reaction.toLowerCase()})`) : ["Aucune allergie connue."] },
          { heading: "Évaluation", lines: ["Score ASA 2. Intubation prévisible facile (Mallampati 1).", "Anesthésie générale ou locorégionale selon l'intervention ; jeûne de 6 heures."] },
        ],
      };
    case "57833-6":
      return {
        title: "Ordonnance",
        sections: [
          { lines: [`Prescription pour ${p.firstName} ${p.lastName.toUpperCase()}.`] },
          { heading: "Médicaments", lines: medsLines(c) },
          { lines: ["Ordonnance à renouveler 3 fois. Substitution possible."] },
        ],
      };
    case "57832-8":
      return {
        title: "Prescription de soins",
        sections: [
          { heading: "Soins prescrits", lines: [...c.nursing.slice(0, 1), "Séances de masso-kinésithérapie : 15 séances, 2 à 3 par semaine.", ...c.rehab.slice(0, 1)] },
          { lines: ["À domicile si nécessaire. Urgent : non."] },
        ],
      };
    case "60593-1":
      return {
        title: "Dispensation médicamenteuse",
        sections: [
          { heading: "Médicaments délivrés", lines: c.treatments.map((t) => `• ${t.medication} – 1 boîte`) },
          { heading: "Conseils", lines: ["Posologie rappelée au patient. Pas d'interaction relevée avec le traitement en cours."] },
        ],
      };
    case "60591-5":
      return {
        title: "Synthèse médicale (volet de synthèse médicale)",
        sections: [
          { heading: "Problème principal", lines: [c.problem] },
          { heading: "Antécédents", lines: c.antecedents.map((x) => `• ${x}`) },
          { heading: "Allergies", lines: c.allergies.length ? c.allergies.map((x) => `• ${x.substance} : ${x.reaction}`) : ["Aucune allergie connue."] },
          { heading: "Traitement au long cours", lines: medsLines(c) },
          { heading: "Points de vigilance", lines: ["Vaccinations à jour. Médecin traitant à contacter en cas d'hospitalisation."] },
        ],
      };
    case "74207-2":
      return {
        title: "Document de liaison d'urgence (DLU)",
        sections: [
          { heading: "Résident", lines: [`${p.firstName} ${p.lastName.toUpperCase()} – EHPAD Les Glycines, chambre 12.`, "Personne de confiance : voir contacts d'urgence."] },
          { heading: "Antécédents", lines: c.antecedents.map((x) => `• ${x}`) },
          { heading: "Traitements en cours", lines: medsLines(c) },
          { heading: "Autonomie", lines: ["GIR 3. Se déplace avec un déambulateur. Désorientation temporelle."] },
          { heading: "Directives anticipées", lines: ["Rédigées : oui (disponibles dans l'espace personnel)."] },
        ],
      };
    case "18761-7":
      return {
        title: "Note de transfert",
        sections: [
          { heading: "Motif du transfert", lines: [c.stay.reason] },
          { heading: "État au départ", lines: ["Conscient, hémodynamique stable. Dernière prise d'antalgique à 6 h."] },
          { heading: "Traitements", lines: medsLines(c) },
        ],
      };
    case "34133-9":
      return {
        title: "Synthèse d'épisode de soins",
        sections: [
          { heading: "Épisode", lines: [c.stay.reason] },
          { heading: "Prise en charge", lines: c.stay.course },
          { heading: "Suites", lines: ["Suivi par le médecin traitant. Compte rendu complet transmis."] },
        ],
      };
    case "18776-5":
      return {
        title: "Plan personnalisé de soins",
        sections: [
          { heading: "Problème de santé", lines: [c.problem] },
          { heading: "Objectifs", lines: ["Maintenir l'autonomie, prévenir les complications, coordonner les intervenants."] },
          { heading: "Intervenants et actions", lines: [...c.nursing.map((x) => `• Infirmier : ${x}`), ...c.rehab.slice(0, 1).map((x) => `• Kinésithérapeute : ${x}`), "• Médecin traitant : réévaluation tous les 3 mois."] },
        ],
      };
    case "11369-6": {
      const birthYear = Number(p.birthDate.slice(0, 4));
      return {
        title: "Historique des vaccinations",
        sections: [
          { heading: "Vaccinations enregistrées", lines: [
            `• DTCaP-Hib-HépB (Hexyon) : 2, 4 et 11 mois (${birthYear}).`,
            `• ROR (Priorix) : 12 et 16 mois (${birthYear + 1}).`,
            "• Rappel dTcaP (Repevax) : selon calendrier vaccinal.",
            "• Grippe saisonnière (Efluelda) : campagne 2025-2026.",
            "• Covid-19 (Comirnaty) : rappel automne 2025.",
          ] },
          { heading: "Prochain rappel", lines: ["dTP selon le calendrier vaccinal en vigueur."] },
        ],
      };
    }
    case "PROT_ALD":
      return {
        title: `Protocole de soins ALD – ${c.ald ?? "affection de longue durée"}`,
        sections: [
          { heading: "Affection", lines: [c.ald ?? c.problem] },
          { heading: "Actes et prestations pris en charge à 100 %", lines: ["Consultations du médecin traitant et des spécialistes.", "Examens biologiques de suivi.", ...medsLines(c)] },
          { heading: "Durée", lines: ["Protocole établi pour 5 ans, accord du médecin-conseil de l'Assurance Maladie."] },
        ],
      };
    case "REMB":
      return {
        title: "Données de remboursement (Assurance Maladie)",
        sections: [
          { lines: ["Synthèse des soins remboursés sur les 24 derniers mois, établie par l'Assurance Maladie.", "Le détail acte par acte est disponible dans la rubrique « Remboursements »."] },
        ],
      };
    default:
      return patientBody(input, c, label);
  }
}

function patientBody(input: TContentInput, c: TConditionProfile, label: string): TBody {
  const by = input.patientAuthorName ?? `${input.patient.firstName} ${input.patient.lastName}`;
  const texts: Record<string, TBody> = {
    DOCPAT01: { title: "Mon résumé de santé", sections: [{ lines: [`Résumé rédigé par ${by}.`, `Problème principal : ${c.problem}.`, ...c.antecedents] }] },
    DOCPAT02: { title: "Mes traitements en cours", sections: [{ lines: medsLines(c) }] },
    DOCPAT03: { title: "Ancien compte rendu d'hospitalisation (copie)", sections: [{ lines: ["Copie d'un compte rendu papier de 2018, hospitalisation pour pneumopathie, guérison sans séquelle."] }] },
    DOCPAT04: { title: "Radiographie du thorax (copie du compte rendu)", sections: [{ lines: ["Cliché de 2019 : pas d'anomalie pleuro-parenchymateuse."] }] },
    DOCPAT05: { title: "Bilan sanguin de 2020 (copie)", sections: [{ lines: ["Bilan réalisé en laboratoire de ville, résultats normaux."] }] },
    DOCPAT06: { title: "Carnet de vaccination (copie)", sections: [{ lines: ["Copie des pages vaccinations du carnet de santé."] }] },
    DOCPAT07: { title: "Certificat de non contre-indication au sport", sections: [{ lines: ["Certificat pour la pratique du tennis en compétition, saison 2025-2026."] }] },
    DOCPAT08: { title: "Mon profil médical", sections: [{ lines: ["Groupe sanguin : A+.", "Taille 1,68 m, poids 61 kg.", "Non-fumeuse."] }] },
    DOCPAT09: { title: "Attestation de complémentaire santé", sections: [{ lines: ["Attestation de tiers payant de la mutuelle, valable jusqu'au 31 décembre."] }] },
    EXPPAT_1: { title: "Mes volontés : don d'organes", sections: [{ lines: ["Je souhaite faire don de mes organes et tissus après mon décès.", "Ma famille est informée de ce choix."] }] },
    EXPPAT_2: { title: "Note personnelle", sections: [{ lines: ["Je suis suivie pour des migraines depuis l'adolescence ; le sumatriptan me soulage."] }] },
    EXPPAT_3: {
      title: "Directives anticipées",
      sections: [
        { lines: [`Je ${agree(input.patient.sex, "soussigné", "soussignée")} ${by}, en pleine possession de mes facultés, exprime les directives suivantes pour le cas où je ne pourrais plus exprimer ma volonté :`] },
        { lines: ["• Je refuse l'acharnement thérapeutique et toute réanimation lourde sans espoir raisonnable de récupération.", `• Je souhaite être ${agree(input.patient.sex, "soulagé", "soulagée")} de la douleur, même si cela peut abréger ma vie.`, "• Ma personne de confiance est ma fille, à contacter en priorité."] },
      ],
    },
  };
  return texts[input.typeCode] ?? { title: label, sections: [{ lines: [label] }] };
}

/** Title and letter of a demo document. */
export function composeDocument(input: TContentInput): { title: string; letter: TLetter } {
  const c = CONDITIONS[input.patient.condition];
  const body = bodyFor(input, c);
  const title = input.title ?? body.title;
  const sections = input.lines ? [{ lines: input.lines }] : body.sections;
  if (input.version === 1) sections.push({ heading: "Version", lines: ["Version 1 – remplacée par une version corrigée."] });
  const a = input.author;
  const s = input.structure;
  const patientAuthored = a === null;
  return {
    title,
    letter: {
      structureName: s?.name ?? (patientAuthored ? "Espace personnel du patient" : "Assurance Maladie"),
      structureLine: s?.address ?? (patientAuthored ? "Document déposé dans Mon espace santé" : "Caisse primaire d'assurance maladie"),
      authorLine: a
        ? `${authorName(a)} – ${professionWithSpecialtyLabel(a.profession, a.specialty)}${a.rpps ? ` – RPPS ${a.rpps}` : ""}`
        : (input.patientAuthorName ?? "Assurance Maladie"),
      title,
      placeAndDate: `${s?.city ?? "Paris"}, le ${frenchDate(input.serviceDate)}`,
      patientLine: patientLine(input.patient),
      sections,
      signature: a ? authorName(a) : (input.patientAuthorName ?? "Assurance Maladie"),
    },
  };
}
