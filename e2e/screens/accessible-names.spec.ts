/**
 * The README's accessible-name tables (« Noms accessibles stables ») are a contract other
 * teams' suites rely on: one journey per portal reaches every documented screen and checks
 * that each name designates exactly one element of its role (e2e/screens/contract.ts). A
 * screen added to a table without its step here, or a name that drifts, fails.
 */
import type { Page } from "@playwright/test";
import {
  codeRecipient,
  expect,
  fullName,
  professionalWithRole,
  searchByIns,
  signInHospital,
  signInWithCard,
  submitCard,
  test,
  uniqueLastName,
} from "../fixtures/dmp";
import { checkContract } from "./contract";

// Every screen of a portal, each with an axe check: longer than the default journey.
test.describe.configure({ timeout: 360_000 });

test("portail patient : chaque nom du README désigne un seul élément de son écran", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient();
  await dmp.consent(patient, doctor);
  const shown = await dmp.document({ patient, author: doctor, title: "Compte rendu de consultation" });
  const masked = await dmp.document({ patient, author: doctor, title: "Bilan masqué", masking: ["MASQUE_PS"] });
  let previousCode: string | null = null;

  await checkContract(() => page, "/patient", {
    "ouverture en ligne": async () => void (await page.goto("/patient/ouvrir-mon-dmp")),
    "mot de passe oublié": async () => void (await page.goto("/patient/mot-de-passe-oublie")),
    connexion: async () => void (await page.goto("/patient/connexion")),
    "connexion : code": async () => {
      previousCode = (await dmp.latestCode(codeRecipient(patient), "connexion"))?.at ?? null;
      await page.getByLabel("Identifiant (obligatoire)", { exact: true }).fill(patient.loginId);
      await page.getByLabel("Mot de passe (obligatoire)", { exact: true }).fill(patient.password);
      await page.getByRole("button", { name: "Se connecter", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();
    },
    accueil: async () => {
      await page.getByLabel("Code à usage unique (obligatoire)", { exact: true }).fill(await dmp.readCode(codeRecipient(patient), "connexion", previousCode));
      await page.getByRole("button", { name: "Valider le code", exact: true }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/patient/connexion"));
      await page.goto("/patient/tableau-de-bord");
    },
    documents: async () => {
      await page.goto("/patient/documents");
      return { titre: shown.title };
    },
    document: async () => void (await page.goto(`/patient/documents/${shown.documentId}`)),
    masquage: async () => {
      await page.getByRole("link", { name: "Masquer aux professionnels", exact: true }).click();
      await page.waitForURL(/\/masquage$/);
    },
    "document masqué": async () => void (await page.goto(`/patient/documents/${masked.documentId}`)),
    démasquage: async () => {
      await page.getByRole("link", { name: "Ne plus masquer aux professionnels", exact: true }).click();
      await page.waitForURL(/\/masquage$/);
    },
    opposition: async () => void (await page.goto(`/patient/documents/${shown.documentId}/opposition`)),
    "espace personnel": async () => void (await page.goto("/patient/documents/ajouter")),
    historique: async () => void (await page.goto("/patient/historique")),
    accès: async () => {
      await page.goto("/patient/acces");
      return { professionnel: doctor.name };
    },
    urgences: async () => void (await page.goto("/patient/acces/urgence")),
    notifications: async () => {
      await page.goto("/patient/notifications");
      return { courriel: patient.email, mobile: patient.phone };
    },
    dossier: async () => void (await page.goto("/patient/dossier")),
    profil: async () => void (await page.goto("/patient/profil")),
  });
});

test("portail professionnel, urgences et opérateur : chaque nom du README désigne un seul élément de son écran", async ({ page, dmp, browser }) => {
  const doctor = await dmp.professional({ specialty: "SM54" });
  const treated = await dmp.patient();
  await dmp.treatingDoctor(treated, doctor);
  const document = await dmp.document({ patient: treated, author: doctor, title: "Compte rendu de consultation" });
  // Two documents at least (the reimbursement one arrives in the background): the count is plural.
  await dmp.document({ patient: treated, author: doctor, title: "Lettre de liaison" });
  const stranger = await dmp.patient();
  const withoutRecord = await dmp.beneficiary();
  const regulator = await professionalWithRole(dmp, "regulateur");
  const operator = await professionalWithRole(dmp, "operateur");
  let current: Page = page;
  const contexts: { close(): Promise<void> }[] = [];
  /** Another person signs in: their own browser context (the fixture's namespace header follows). */
  const newPage = async () => {
    const context = await browser.newContext();
    contexts.push(context);
    current = await context.newPage();
    return current;
  };

  await checkContract(() => current, "/pro", {
    connexion: async () => void (await page.goto("/pro/connexion")),
    déblocage: async () => void (await page.goto("/pro/debloquer")),
    "changer le code porteur": async () => void (await page.goto("/pro/carte/code-porteur")),
    "cartes de démonstration": async () => void (await page.goto("/pro/cartes-demo")),
    recherche: async () => signInWithCard(page, doctor),
    "recherche : sans DMP": async () => {
      await searchByIns(page, withoutRecord);
      return { patient: fullName(withoutRecord) };
    },
    "recherche : premier accès": async () => {
      await searchByIns(page, stranger);
      return { patient: fullName(stranger) };
    },
    "premier accès": async () => {
      await page.getByRole("link", { name: `Premier accès au dossier de ${fullName(stranger)}`, exact: true }).click();
      await page.waitForURL(/\/acces$/);
      return { patient: fullName(stranger) };
    },
    "recherche : dossier ouvert": async () => {
      await searchByIns(page, treated);
      return { patient: fullName(treated) };
    },
    dossier: async () => {
      await page.getByRole("link", { name: `Ouvrir le dossier de ${fullName(treated)}`, exact: true }).click();
      await page.waitForURL(`**/pro/patients/${treated.patientId}`);
      // The list's region is named after its count (« 3 documents »): read the number it shows.
      const counted = await page.getByRole("region", { name: /^\d+ documents$/ }).ariaSnapshot();
      return { titre: document.title, nombre: /"(\d+) documents"/.exec(counted)?.[1] ?? "?" };
    },
    "ajout de document": async () => {
      await page.getByRole("link", { name: "Ajouter un document", exact: true }).click();
      await page.waitForURL(/\/ajouter-document$/);
    },
    "nouvelle version": async () => {
      await page.goto(`/pro/patients/${treated.patientId}/documents/${document.documentId}/remplacer`);
      return { titre: document.title };
    },
    régulation: async () => {
      await signInWithCard(await newPage(), regulator);
      await current.goto("/pro/regulation");
    },
    "régulation : résultat": async () => {
      await current.getByLabel("NIR (numéro de sécurité sociale) (obligatoire)", { exact: true }).fill(treated.nir);
      await current.getByLabel("Date de naissance (obligatoire)", { exact: true }).fill(treated.birthDate);
      await current.getByRole("button", { name: "Rechercher par INS", exact: true }).click();
      await expect(current.getByRole("region", { name: "1 personne trouvée", exact: true })).toBeVisible();
      return { patient: fullName(treated) };
    },
    "dossier en régulation": async () => {
      await current.getByRole("button", { name: `Ouvrir le dossier en régulation : ${fullName(treated)}`, exact: true }).click();
      await expect(current.getByRole("region", { name: "Synthèse d'urgence", exact: true })).toBeVisible();
    },
    opérateur: async () => {
      await submitCard(await newPage(), operator);
      await current.waitForURL((url) => !url.pathname.startsWith("/pro/connexion"));
      await current.goto("/pro/operateur");
    },
    "cartes CPS": async () => {
      await current.goto("/pro/operateur/cartes");
      return { carte: doctor.card.serial };
    },
  });
  for (const context of contexts) await context.close();
});

test("simulateur hospitalier : chaque nom du README désigne un seul élément de son écran", async ({ page, dmp, browser }) => {
  const hospital = await dmp.structure({ name: `Hôpital ${uniqueLastName("Contrat")}`, kind: "HOSPITAL" });
  const doctor = await dmp.professional({ specialty: "SM04", structure: hospital });
  const patient = await dmp.patient();
  await dmp.admit(hospital, patient);
  const admin = await professionalWithRole(dmp, "administrateur", { structure: hospital });
  const desk = await professionalWithRole(dmp, "admissions", { structure: hospital });
  const named = { patient: fullName(patient) };
  let current: Page = page;
  const contexts: { close(): Promise<void> }[] = [];
  const signInElsewhere = async (who: typeof admin) => {
    const context = await browser.newContext();
    contexts.push(context);
    current = await context.newPage();
    await signInHospital(current, who, hospital.name);
  };

  await checkContract(() => current, "/hopital", {
    connexion: async () => void (await page.goto("/hopital/connexion")),
    patients: async () => {
      await signInHospital(page, doctor, hospital.name);
      return named;
    },
    rédaction: async () => {
      await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}`, exact: true }).click();
      await expect(page.getByRole("button", { name: "Enregistrer le brouillon", exact: true })).toBeVisible();
    },
    brouillon: async () => {
      const catalogue = page.getByLabel("Document du catalogue de l'établissement (obligatoire)", { exact: true });
      const first = await catalogue.locator("option:not([value=''])").first().getAttribute("value");
      await catalogue.selectOption(first ?? "");
      await page.getByLabel("Titre du document (obligatoire)", { exact: true }).fill("Compte rendu du contrat");
      await page.getByRole("button", { name: "Enregistrer le brouillon", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Brouillon : Compte rendu du contrat" })).toBeVisible();
    },
    "suivi export": async () => {
      await page.goto("/hopital");
      await page.getByRole("link", { name: `Suivi export de ${fullName(patient)}`, exact: true }).click();
      await page.waitForURL(/\/suivi$/);
    },
    rapports: async () => void (await page.goto("/hopital/rapports")),
    "patients (administrateur)": async () => signInElsewhere(admin),
    catalogue: async () => void (await current.goto("/hopital/catalogue")),
    "patients (admissions)": async () => signInElsewhere(desk),
    admissions: async () => void (await current.goto("/hopital/admissions")),
  });
  for (const context of contexts) await context.close();
});
