/** Trace action codes and the French wording the patient reads in "Historique des accès". */
export const TRACE_ACTIONS = {
  RECORD_CREATE: "Création du dossier",
  RECORD_VIEW: "Consultation du dossier",
  PATIENT_LOOKUP: "Recherche du dossier par INS (logiciel compatible DMP)",
  RECORD_CLOSE: "Fermeture du dossier",
  RECORD_REACTIVATE: "Réactivation du dossier",
  RECORD_COPY: "Demande de copie du dossier",
  ACCOUNT_OPEN: "Ouverture de l'accès en ligne par le titulaire",
  AUTHORIZATION_GRANT: "Autorisation d'accès (consentement du patient)",
  DOCUMENT_READ: "Consultation d'un document",
  DOCUMENT_ADD: "Ajout d'un document",
  DOCUMENT_REPLACE: "Remplacement d'un document",
  DOCUMENT_UPDATE: "Modification d'un document",
  DOCUMENT_DELETE: "Suppression d'un document",
  DOCUMENT_MASK: "Masquage d'un document aux professionnels",
  DOCUMENT_UNMASK: "Démasquage d'un document",
  DOCUMENT_OPPOSE: "Opposition à un document",
  DOCUMENT_OPPOSE_WITHDRAW: "Levée de l'opposition à un document",
  DOCUMENT_REVEAL: "Document rendu visible au patient (consultation d'annonce)",
  FEED_DOCUMENT: "Alimentation par un établissement",
  TRACES_VIEW: "Consultation de l'historique des accès",
  SUMMARY_UPDATE: "Mise à jour de la synthèse (allergies, traitements)",
  HEALTH_PROFILE_VIEW: "Consultation du profil médical",
  HEALTH_PROFILE_UPDATE: "Mise à jour du profil médical",
  REIMBURSEMENTS_VIEW: "Consultation des remboursements",
  PROFESSIONAL_BLOCK: "Blocage d'un professionnel",
  PROFESSIONAL_UNBLOCK: "Déblocage d'un professionnel",
  TREATING_DOCTOR_SET: "Désignation du médecin traitant",
  EMERGENCY_SETTINGS_CHANGE: "Modification des accès en urgence",
  CARE_TEAM_SETTING_CHANGE: "Modification de l'accès de l'équipe de soins",
  CONTACT_UPDATE: "Modification des coordonnées",
  SAMU_ACCESS: "Accès en urgence par le SAMU-Centre 15",
  BREAK_GLASS_ACCESS: "Accès en urgence (bris de glace)",
  EMERGENCY_CLOSE: "Fin de l'accès en urgence",
  HABILITATION_CHANGE: "Modification de la matrice d'habilitations",
  CARD_OPPOSE: "Mise en opposition d'une carte CPS",
  CARD_PIN_CHANGE: "Changement du code porteur d'une carte CPS",
  // Patient rights (issue 17).
  RECTIFICATION_REQUEST: "Demande de rectification d'un document",
  RECTIFICATION_ANSWER: "Réponse à une demande de rectification",
  RECORD_COPY_MAIL_REQUEST: "Demande de copie du dossier par courrier recommandé",
  RECORD_COPY_MAIL_SENT: "Envoi de la copie du dossier par courrier recommandé",
  FEED_OPPOSITION_ADD: "Opposition à l'alimentation du dossier par un professionnel ou un établissement",
  FEED_OPPOSITION_WITHDRAW: "Levée d'une opposition à l'alimentation du dossier",
  // Hospital workflow (issue 16).
  CATALOGUE_CHANGE: "Modification du catalogue des documents de l'établissement",
  HOSPITAL_DRAFT_SAVE: "Enregistrement d'un document de l'établissement (brouillon)",
  HOSPITAL_DOCUMENT_VALIDATE: "Validation d'un document de l'établissement",
  HOSPITAL_DMP_SEND: "Envoi d'un document de l'établissement au DMP",
  NIR_REQUEST: "Demande d'ajout du NIR transmise aux admissions",
  NIR_CONFIRM: "NIR confirmé par les admissions",
  IDENTITY_CORRECT: "Identité du patient corrigée par les admissions",
  MSSANTE_SEND: "Envoi d'un document par messagerie sécurisée de santé (MSSanté)",
} as const;

export type TTraceAction = keyof typeof TRACE_ACTIONS;

/** Actions traced on the platform chain (no record): never in a record's history, so not offered as its filter. */
const PLATFORM_ACTIONS: ReadonlySet<TTraceAction> = new Set([
  "HABILITATION_CHANGE",
  "CARD_OPPOSE",
  "CARD_PIN_CHANGE",
  // The establishment's own workflow (issue 16): its software's actions, not accesses to a record.
  "CATALOGUE_CHANGE",
  "HOSPITAL_DRAFT_SAVE",
  "HOSPITAL_DOCUMENT_VALIDATE",
  "HOSPITAL_DMP_SEND",
  "NIR_REQUEST",
  "NIR_CONFIRM",
  "IDENTITY_CORRECT",
  "MSSANTE_SEND",
]);

/** The actions a record's history can show, with their wording, for its filter. */
export const RECORD_TRACE_ACTIONS = Object.entries(TRACE_ACTIONS).filter(([code]) => !PLATFORM_ACTIONS.has(code as TTraceAction));

export function traceActionLabel(action: string): string {
  return (TRACE_ACTIONS as Record<string, string>)[action] ?? action;
}
