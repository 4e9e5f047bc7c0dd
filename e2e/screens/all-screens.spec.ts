/**
 * Issue 19, « Ce que voit une personne » : every screen of the three portals at 390 px and
 * 1,280 px with worst-case data (the longest names and titles the forms accept, a record of
 * 500 documents): the page never scrolls sideways, axe finds nothing serious or critical,
 * and a full-page screenshot of each screen is kept with the test's results.
 * One test per portal and viewport; each seeds its own worst-case data once.
 */
import type { Browser } from "@playwright/test";
import { expect, fullName, professionalWithRole, searchByName, signInAsPatient, signInHospital, signInWithCard, test } from "../fixtures/dmp";
import { vitaleSerial } from "../../prisma/seed/registry";
import { LONG_TITLE, ScreenSweep, longFirstName, longLastName, longStructure, worstCaseRecord } from "./worst-case";

const VIEWPORTS = [
  { name: "390 px", size: { width: 390, height: 844 } },
  { name: "1280 px", size: { width: 1280, height: 800 } },
] as const;

/** Signs in to the patient portal, checking the code screen on the way. */
async function newPage(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  return { context, page: await context.newPage() };
}

for (const viewport of VIEWPORTS) {
  test.describe(`écrans à ${viewport.name}`, () => {
    test.use({ viewport: viewport.size });
    test.describe.configure({ timeout: 600_000 });

    test(`espace patient (${viewport.name})`, async ({ page, browser, dmp }, testInfo) => {
      const sweep = new ScreenSweep(testInfo, viewport.name);
      const { doctor, patient, documentId } = await worstCaseRecord(dmp);

      // Before signing in.
      await sweep.visit(page, "accueil patient", "/patient");
      await sweep.visit(page, "connexion", "/patient/connexion");
      await sweep.visit(page, "ouvrir mon DMP", "/patient/ouvrir-mon-dmp");
      // Its second step, reached by a person of the registry without a record (own context: a pending cookie).
      const beneficiary = await dmp.beneficiary({ firstName: longFirstName(), lastName: longLastName() });
      const opening = await newPage(browser, viewport.size);
      await opening.page.goto("/patient/ouvrir-mon-dmp");
      await opening.page.getByLabel("Numéro de sécurité sociale").fill(beneficiary.nir);
      await opening.page.getByLabel("Date de naissance").fill(beneficiary.birthDate);
      await opening.page.getByLabel("Numéro de série de la carte Vitale").fill(vitaleSerial(beneficiary.nir, beneficiary.birthDate, 1));
      await opening.page.getByLabel("Adresse électronique").fill(`ouverture.${beneficiary.nir.slice(-6)}@exemple.fr`);
      await opening.page.getByRole("button", { name: "Vérifier mon identité" }).click();
      await opening.page.waitForURL(/\/patient\/ouvrir-mon-dmp\/confirmation$/);
      await sweep.check(opening.page, "ouvrir mon DMP : confirmation");
      await opening.context.close();
      await sweep.visit(page, "mot de passe oublié", "/patient/mot-de-passe-oublie");
      await page.getByLabel("Identifiant").fill(patient.loginId);
      await page.getByRole("button", { name: "Recevoir un code" }).click();
      await page.waitForURL(/\/patient\/mot-de-passe-oublie\/code$/);
      await sweep.check(page, "mot de passe oublié : code");

      await signInAsPatient(page, dmp, patient, (p) => sweep.check(p, "connexion : code à usage unique"));
      const espace: [string, string][] = [
        ["tableau de bord", "/patient/tableau-de-bord"],
        ["dossier", "/patient/dossier"],
        ["documents (500)", "/patient/documents"],
        ["document", `/patient/documents/${documentId}`],
        ["document : masquage", `/patient/documents/${documentId}/masquage`],
        ["document : visibilité", `/patient/documents/${documentId}/visibilite`],
        ["document : opposition", `/patient/documents/${documentId}/opposition`],
        ["document : rectification", `/patient/documents/${documentId}/rectification`],
        ["ajouter un document", "/patient/documents/ajouter"],
        ["accès", "/patient/acces"],
        ["accès en urgence", "/patient/acces/urgence"],
        ["droits", "/patient/droits"],
        ["historique (traces)", "/patient/historique"],
        ["notifications", "/patient/notifications"],
        ["profil médical", "/patient/profil-medical"],
        ["profil", "/patient/profil"],
        ["remboursements", "/patient/remboursements"],
        ["sécurité", "/patient/securite"],
      ];
      for (const [screen, path] of espace) await sweep.visit(page, screen, path);

      // A document the patient added: its edit screen.
      await page.goto("/patient/documents/ajouter");
      await page.getByLabel("Fichier").setInputFiles({ name: "tension.txt", mimeType: "text/plain", buffer: Buffer.from("Mesures de tension prises à domicile.") });
      await page.getByLabel("Titre").fill(LONG_TITLE);
      await page.getByLabel("Type de document").selectOption({ index: 1 });
      await page.getByLabel("Date du document").fill("2025-01-10");
      await page.getByRole("button", { name: "Ajouter le document" }).click();
      await page.waitForURL(/\/patient\/documents\/[^/]+\?message=ajoute$/);
      await sweep.check(page, "document du patient (ajouté)");
      const added = new URL(page.url()).pathname.split("/").pop();
      await sweep.visit(page, "document du patient : modifier", `/patient/documents/${added}/modifier`);

      // First sign-in with a provisional password.
      const provisional = await dmp.patient({ firstName: longFirstName(), lastName: longLastName(), mustChangePassword: true });
      const first = await newPage(browser, viewport.size);
      await signInAsPatient(first.page, dmp, provisional);
      await sweep.check(first.page, "changer le mot de passe");
      await first.context.close();

      // A legal representative of two minors chooses a record.
      const { minor, representative } = await dmp.minor(doctor, { firstName: longFirstName(), lastName: longLastName(), representative: { firstName: longFirstName(), lastName: longLastName() } });
      await dmp.minor(doctor, { firstName: longFirstName(), lastName: minor.lastName, representative: { accountId: representative.accountId } });
      const rep = await newPage(browser, viewport.size);
      await signInAsPatient(rep.page, dmp, representative);
      await sweep.visit(rep.page, "choisir un dossier (représentant)", "/patient/choisir-dossier");
      await rep.context.close();

      sweep.expectAllPassed();
    });

    test(`portail professionnel (${viewport.name})`, async ({ page, browser, dmp }, testInfo) => {
      const sweep = new ScreenSweep(testInfo, viewport.name);
      const { doctor, patient, documentId } = await worstCaseRecord(dmp);

      await sweep.visit(page, "connexion par carte", "/pro/connexion");
      await sweep.visit(page, "cartes de démonstration", "/pro/cartes-demo");
      await sweep.visit(page, "débloquer une carte", "/pro/debloquer");
      await sweep.visit(page, "code porteur", "/pro/carte/code-porteur");

      await signInWithCard(page, doctor);
      await sweep.check(page, "rechercher un patient");
      await searchByName(page, patient);
      await expect(page.getByRole("link", { name: new RegExp(fullName(patient)) }).first()).toBeVisible();
      await sweep.check(page, "résultats de recherche");
      const record = `/pro/patients/${patient.patientId}`;
      const screens: [string, string][] = [
        ["dossier (500 documents)", record],
        ["dossier : synthèse", `${record}?vue=synthese`],
        ["dossier : profil médical", `${record}?vue=profil`],
        ["dossier : remboursements", `${record}?vue=remboursements`],
        ["dossier : équipe", `${record}?vue=equipe`],
        ["dossier : accès", `${record}/acces`],
        ["dossier : traces", `${record}/traces`],
        ["ajouter un document", `${record}/ajouter-document`],
        ["document : aperçu", `${record}/documents/${documentId}/apercu`],
        ["document : remplacer", `${record}/documents/${documentId}/remplacer`],
        ["document : visibilité", `${record}/documents/${documentId}/visibilite`],
        ["créer un dossier", "/pro/creer-dossier"],
        ["demandes de rectification", "/pro/rectifications"],
      ];
      for (const [screen, path] of screens) await sweep.visit(page, screen, path);

      const operator = await professionalWithRole(dmp, "operateur", { firstName: longFirstName(), lastName: longLastName(), specialty: "SM53" });
      const op = await newPage(browser, viewport.size);
      await signInWithCard(op.page, operator);
      const operatorScreens: [string, string][] = [
        ["opérateur", "/pro/operateur"],
        ["opérateur : cartes", "/pro/operateur/cartes"],
        ["opérateur : copies", "/pro/operateur/copies"],
        ["opérateur : matrice", "/pro/operateur/matrice"],
        ["opérateur : statistiques", "/pro/operateur/statistiques"],
        ["opérateur : traces", "/pro/operateur/traces"],
      ];
      for (const [screen, path] of operatorScreens) await sweep.visit(op.page, screen, path);
      await op.context.close();

      const samu = await dmp.structure(longStructure("SAMU"));
      const regulator = await professionalWithRole(dmp, "regulateur", { firstName: longFirstName(), lastName: longLastName(), structure: samu });
      const reg = await newPage(browser, viewport.size);
      await signInWithCard(reg.page, regulator);
      await sweep.visit(reg.page, "régulation SAMU-Centre 15", "/pro/regulation");
      await reg.context.close();

      sweep.expectAllPassed();
    });

    test(`simulateur hospitalier (${viewport.name})`, async ({ page, browser, dmp }, testInfo) => {
      const sweep = new ScreenSweep(testInfo, viewport.name);
      // The hospital's screens list its own documents, not the record's: one DMP document is enough.
      const { structure, doctor, patient } = await worstCaseRecord(dmp, { documents: 1 });
      await dmp.admit(structure, patient);
      // An identity known to the hospital only: its NIR is asked from admissions.
      const provisional = { firstName: longFirstName(), lastName: longLastName(), sex: "F" as const, birthDate: "1990-04-12" };
      await dmp.admit(structure, provisional);

      await sweep.visit(page, "connexion", "/hopital/connexion");
      await signInHospital(page, doctor, structure.name);
      await sweep.check(page, "accueil de l'établissement");

      await page.getByRole("link", { name: `Rédiger un document pour ${fullName(provisional)}` }).click();
      await page.getByLabel("Bureau destinataire").selectOption({ label: "Admissions (hospitalisation)" });
      await page.getByRole("button", { name: "Transmettre la demande" }).click();
      await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Demande transmise" })).toBeVisible();

      await page.goto("/hopital");
      await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
      // The new page's own heading: the list's h1 would let axe run while the navigation is under way (no <title> yet).
      await sweep.check(page, "rédiger un document", /^Nouveau document pour /);
      await page.getByLabel("Document du catalogue de l'établissement").selectOption({ label: "CRH Hématologie — Compte rendu hospitalier (séjour) (34112-3)" });
      await page.getByLabel("Titre du document").fill(LONG_TITLE);
      await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
      await expect(page.getByRole("heading", { level: 1, name: /^Brouillon : / })).toBeVisible();
      await sweep.check(page, "brouillon");

      await page.goto("/hopital");
      await page.getByRole("link", { name: `Suivi export de ${fullName(patient)}` }).click();
      await sweep.check(page, "suivi export", /^Suivi export dossier médical patient/);
      await sweep.visit(page, "rapports d'alimentation", "/hopital/rapports");

      const admin = await professionalWithRole(dmp, "administrateur", { firstName: longFirstName(), lastName: longLastName(), structure });
      const adm = await newPage(browser, viewport.size);
      await signInHospital(adm.page, admin, structure.name);
      await sweep.visit(adm.page, "catalogue", "/hopital/catalogue");
      // Loaded, not followed: axe then reads the page's own title, not the one Next streams in after a client navigation.
      const entry = await adm.page.getByRole("link", { name: "Modifier « CRH AVC »" }).getAttribute("href");
      await sweep.visit(adm.page, "catalogue : modifier une entrée", entry ?? "/hopital/catalogue/introuvable");
      await adm.context.close();

      const clerk = await professionalWithRole(dmp, "admissions", { firstName: longFirstName(), lastName: longLastName(), structure });
      const desk = await newPage(browser, viewport.size);
      await signInHospital(desk.page, clerk, structure.name);
      await sweep.visit(desk.page, "bureau des admissions", "/hopital/admissions");
      await desk.context.close();

      sweep.expectAllPassed();
    });
  });
}
