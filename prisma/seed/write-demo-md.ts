/**
 * Writes prisma/DEMO.md from the seed's own data, so the list of demo accounts cannot
 * drift from what the seed creates:  npx tsx prisma/seed/write-demo-md.ts
 */
import fs from "node:fs";
import path from "node:path";
import { MATRIX_RATIONALE } from "@/lib/habilitations/default-matrix";
import { formatNir } from "@/lib/identity/nir";
import { authorableTypes } from "@/lib/reference/authorable-types";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { PROFESSIONS, professionLabel, specialtyLabel } from "@/lib/reference/professions";
import { describeDecision } from "@/lib/access/decision";
import { EMERGENCY_EVENTS, emergencyEventDecision } from "./access";
import { SPECIAL_DOCUMENTS } from "./documents";
import { DEMO_LEGAL_REPRESENTATIONS, DEMO_PASSWORD, DEMO_PATIENTS, DEMO_REPRESENTATIVES, DEMO_TEMPORARY_PASSWORD } from "./patients";
import { DEMO_PROFESSIONALS, professionalDisplayName } from "./professionals";
import { BENEFICIARIES_WITHOUT_RECORD, vitaleSerial } from "./registry";
import { PROVISIONAL_HOSPITAL_PATIENT } from "./structure-patients";
import { DEMO_STRUCTURES } from "./structures";
import { DEMO_GROUP, SISTER_SITE_NAMES } from "./hospital-workflow";

function table(headers: string[], rows: string[][]): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`)].join("\n");
}

const birth = (iso: string) => iso.split("-").reverse().join("/");
const channel = (c: "EMAIL" | "SMS") => (c === "SMS" ? "SMS" : "e-mail");
const proName = (key: string) => {
  const p = DEMO_PROFESSIONALS.find((x) => x.key === key);
  return p ? professionalDisplayName(p) : key;
};
const structureName = (key: string | null) => DEMO_STRUCTURES.find((s) => s.key === key)?.name ?? "—";

const patientsWithLogin = DEMO_PATIENTS.filter((p) => p.loginId);
const minors = DEMO_PATIENTS.filter((p) => !p.loginId);

const md = `## Données de démonstration

Chargées par \`npm run db:seed\` (\`prisma/seed.ts\`) ou automatiquement par \`npm run db:prepare\` sur une base
vide. Toutes les personnes et tous les numéros sont fictifs ; les NIR ont une clé valide. Les dates sont
relatives au jour du chargement. Fichier généré par \`npx tsx prisma/seed/write-demo-md.ts\`.

### Patients (portail \`/patient\`)

Mot de passe de tous les comptes : **\`${DEMO_PASSWORD}\`**, sauf \`alice.morel\` : mot de passe temporaire
**\`${DEMO_TEMPORARY_PASSWORD}\`**, à changer à la première connexion. Le code à usage unique part par le canal indiqué
(boîte mail et page SMS de développement).

${table(
  ["Identifiant", "Code par", "Patient", "Né(e) le", "NIR", "Médecin traitant", "Cas notable"],
  patientsWithLogin.map((p) => [
    `\`${p.loginId}\``,
    channel(p.otpChannel),
    `${p.firstName} ${p.lastName}`,
    birth(p.birthDate),
    formatNir(p.nir),
    p.treatingDoctor ? proName(p.treatingDoctor) : "—",
    p.notes,
  ]),
)}

Mineurs (sans compte propre : leurs représentants légaux se connectent) :

${table(
  ["Patient", "Né(e) le", "NIR", "Représentants légaux", "Cas notable"],
  minors.map((p) => [
    `${p.firstName} ${p.lastName}`,
    birth(p.birthDate),
    formatNir(p.nir),
    DEMO_LEGAL_REPRESENTATIONS.filter((r) => r.minor === p.key).map((r) => `\`${r.loginId}\` (${r.relationship})`).join(", "),
    p.notes,
  ]),
)}

### Représentants légaux sans dossier

${table(
  ["Identifiant", "Mot de passe", "Code par", "Nom", "Représente"],
  DEMO_REPRESENTATIVES.map((r) => [
    `\`${r.loginId}\``,
    `\`${DEMO_PASSWORD}\``,
    channel(r.otpChannel),
    `${r.firstName} ${r.lastName}`,
    DEMO_LEGAL_REPRESENTATIONS.filter((x) => x.loginId === r.loginId)
      .map((x) => {
        const m = DEMO_PATIENTS.find((p) => p.key === x.minor);
        return m ? `${m.firstName} ${m.lastName} (${x.relationship})` : x.minor;
      })
      .join(", "),
  ]),
)}

### Professionnels (portail \`/pro\`, carte CPS simulée)

${table(
  ["Nom", "Profession", "Spécialité", "Structure", "Rôle", "IdNat", "E-mail"],
  DEMO_PROFESSIONALS.map((p) => [
    professionalDisplayName(p),
    p.profession ? `${professionLabel(p.profession)} (${p.profession})` : "— (personnel, carte CPE)",
    p.specialty ? `${specialtyLabel(p.specialty)} (${p.specialty})` : "—",
    structureName(p.structure),
    p.role + (p.isSamuRegulator ? " – régulateur SAMU" : "") + (p.isOperator ? " – opérateur" : ""),
    `\`${p.idNat}\``,
    p.email,
  ]),
)}

Structures : ${DEMO_STRUCTURES.map((s) => `${s.name} (${s.kind}, FINESS ${s.finess}, ${s.city})`).join(" ; ")}.

### Bénéficiaires sans dossier (création en ligne)

Au registre de l'Assurance Maladie, sans DMP : ouvrir un dossier en ligne avec ces traits.

${table(
  ["Nom", "NIR", "Date de naissance", "Rang", "N° de série Vitale", "Note"],
  BENEFICIARIES_WITHOUT_RECORD.map((b) => [
    `${b.firstName} ${b.lastName}`,
    formatNir(b.nir),
    birth(b.birthDate),
    String(b.birthRank),
    `\`${b.vitaleSerial}\``,
    b.notes,
  ]),
)}

Chaque patient ci-dessus a aussi sa ligne au registre (rang 1) ; son numéro Vitale est dérivé du NIR (ex. Jean Martin :
\`${(() => {
  const j = DEMO_PATIENTS.find((p) => p.key === "jean.martin");
  return j ? vitaleSerial(j.nir, j.birthDate, 1) : "";
})()}\`).

Hôpital Saint-Martin : ${PROVISIONAL_HOSPITAL_PATIENT.firstName} ${PROVISIONAL_HOSPITAL_PATIENT.lastName} (IPP ${PROVISIONAL_HOSPITAL_PATIENT.localId}, né le ${birth(PROVISIONAL_HOSPITAL_PATIENT.birthDate)}) — ${PROVISIONAL_HOSPITAL_PATIENT.notes}

### Simulateur hospitalier (\`/hopital\`)

Hôpital Saint-Martin, site du ${DEMO_GROUP} avec ${SISTER_SITE_NAMES.join(", ")} (sept mois d'historique d'alimentation
chacun : rapports par site et pour le groupe). Catalogue des 44 documents exportés (administratrice : Aline Perrin) ;
bureau des admissions : Agnès Colin, une demande d'ajout du NIR en attente pour ${PROVISIONAL_HOSPITAL_PATIENT.firstName} ${PROVISIONAL_HOSPITAL_PATIENT.lastName}
(son CR urgences est retenu, NIR manquant). Suivi export : un document retenu pour chacun des motifs (consultation
d'annonce, patient fragile, document sensible, autre motif), un brouillon à valider par le Dr Marc Lefèvre, une ordonnance
en certification KO corrigée puis renvoyée (alimentation OK au 2e envoi), une lettre de sortie envoyée par MSSanté, un
document scanné et un CR d'imagerie importés (non exportables).

### Documents particuliers

${table(
  ["uniqueId", "Patient", "Cas"],
  Object.values(SPECIAL_DOCUMENTS).map((d) => {
    const p = DEMO_PATIENTS.find((x) => x.key === d.patient);
    return [`\`${d.uniqueId}\``, p ? `${p.firstName} ${p.lastName}` : d.patient, d.description];
  }),
)}

Le Dr Amélie Chevalier (pédiatre) n'a aucune autorisation sur le dossier de Jean Martin (une tentative refusée est tracée).
Chaque patient a 10 à 20 documents (PDF ou texte) couvrant tous les types et tous les niveaux de masquage.

### Accès d'urgence

${table(
  ["Patient", "Professionnel", "Mode", "Issue", "Motif"],
  EMERGENCY_EVENTS.map((e) => {
    const p = DEMO_PATIENTS.find((x) => x.key === e.patient);
    const decision = emergencyEventDecision(e);
    return [p ? `${p.firstName} ${p.lastName}` : e.patient, proName(e.professional), e.mode === "SAMU" ? "SAMU-Centre 15" : "Bris de glace", decision.allowed ? "autorisé" : "refusé", describeDecision(decision)];
  }),
)}

### Matrice d'habilitations par défaut (hypothèse du simulateur)

L'annexe de l'arrêté du 26 octobre 2023 n'est pas publiée sous forme exploitable : le simulateur livre une matrice complète
(une ligne par profession × type, spécialité « * »), construite sur les règles connues et modifiable par un opérateur.

${(Object.keys(PROFESSIONS) as (keyof typeof PROFESSIONS)[]).map((p) => `- **${PROFESSIONS[p]} (${p})** : ${MATRIX_RATIONALE[p]}`).join("\n")}

### Types qu'un professionnel peut déposer (hypothèse du simulateur)

${(Object.keys(PROFESSIONS) as (keyof typeof PROFESSIONS)[])
  .map((p) => {
    const types = authorableTypes(p, null);
    return `- **${PROFESSIONS[p]}** : ${types.length === 0 ? "aucun" : p === "10" ? "tous les types professionnels sauf les données de remboursement (REMB)" : types.map((t) => `${documentTypeLabel(t)} (${t})`).join(", ")}`;
  })
  .join("\n")}
`;

const target = path.join(process.cwd(), "prisma", "DEMO.md");
fs.writeFileSync(target, md);
console.log(`Écrit : ${path.relative(process.cwd(), target)}`);
