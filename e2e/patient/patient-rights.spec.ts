import { contentAlert, expect, professionalWithRole, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 120_000 });

test("droit de rectification : le patient demande, l'auteur refuse avec un motif, le patient lit la réponse", async ({ page, browser, dmp }) => {
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04" });
  const patient = await dmp.patient({ firstName: "Rose" });
  await dmp.consent(patient, cardiologist);
  const doc = await dmp.document({ patient, author: cardiologist, title: "Compte rendu de consultation" });

  await signInAsPatient(page, dmp, patient);
  await page.goto(`/patient/documents/${doc.documentId}`);
  await page.getByRole("link", { name: "Demander une rectification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Demander une rectification" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Without text: a French message, nothing sent.
  await page.getByRole("button", { name: "Envoyer la demande à l'auteur" }).click();
  await expect(contentAlert(page)).toContainText("Décrivez en quelques mots l'information à rectifier");
  await page.goto("/patient/droits");
  await expect(page.getByText("Aucune demande.")).toBeVisible();

  await page.goto(`/patient/documents/${doc.documentId}/rectification`);
  await page.getByLabel("Information à rectifier").fill("Mon allergie à la pénicilline n'est pas mentionnée.");
  await page.getByRole("button", { name: "Envoyer la demande à l'auteur" }).click();
  await expect(page.getByText("Votre demande de rectification est transmise à l'auteur du document.")).toBeVisible();
  const requests = page.getByRole("list", { name: "Demandes de rectification" });
  await expect(requests).toContainText("En attente de la réponse de l'auteur.");
  await expectNoSeriousA11yViolations(page);

  // The author answers on the professional portal.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await signInWithCard(pro, cardiologist);
  await pro.getByRole("link", { name: "Demandes de rectification" }).click();
  await expect(pro.getByRole("heading", { level: 1, name: "Demandes de rectification" })).toBeVisible();
  await expect(pro.getByText("« Mon allergie à la pénicilline n'est pas mentionnée. »", { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(pro);
  await pro.getByRole("radio", { name: "Demande refusée" }).check();
  await pro.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(contentAlert(pro)).toContainText("Un refus doit être motivé");
  await pro.getByRole("radio", { name: "Demande refusée" }).check();
  await pro.getByLabel(/Précisions pour le patient/).fill("L'allergie figure dans le compte rendu suivant, daté du lendemain.");
  await pro.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(pro.getByText("Votre réponse est enregistrée et le patient en est informé.")).toBeVisible();
  await proContext.close();

  await page.reload();
  await expect(requests).toContainText("Demande refusée");
  await expect(requests).toContainText("L'allergie figure dans le compte rendu suivant");
  await page.goto("/patient/historique");
  const history = page.getByRole("table", { name: "Historique des accès au dossier" });
  await expect(history.getByRole("row").filter({ hasText: "Réponse à une demande de rectification" })).toHaveCount(1);
  await expect(history.getByRole("row").filter({ hasText: "Demande de rectification d'un document" })).toHaveCount(1);
});

test("opposition à l'alimentation et copie par courrier recommandé traitée par l'opérateur", async ({ page, browser, dmp }) => {
  const doctor = await dmp.professional({ firstName: "Paul" });
  const operator = await professionalWithRole(dmp, "operateur", { firstName: "Olga" });
  const patient = await dmp.patient({ firstName: "Léon" });

  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/profil");
  await page.getByRole("link", { name: "Mes droits" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes droits" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // An unknown professional: a French message, nothing recorded.
  await page.getByLabel("Numéro du professionnel ou de l'établissement").fill("12345678901");
  await page.getByRole("button", { name: "M'opposer à ce qu'il alimente mon dossier" }).click();
  await expect(contentAlert(page)).toContainText("Aucun professionnel ni établissement ne correspond à ce numéro.");
  await expect(page.getByRole("list", { name: "Oppositions en vigueur" })).toHaveCount(0);

  await page.getByLabel("Numéro du professionnel ou de l'établissement").fill(doctor.rpps);
  await page.getByRole("button", { name: "M'opposer à ce qu'il alimente mon dossier" }).click();
  await expect(page.getByText(/Opposition enregistrée : .* ne pourra plus alimenter votre dossier\./)).toBeVisible();
  await expect(page.getByRole("list", { name: "Oppositions en vigueur" }).getByRole("listitem")).toHaveCount(1);

  // Postal copy: a bad postal code is refused, then the request is recorded.
  await page.getByLabel("Destinataire").fill("Léon Essai");
  await page.getByLabel("Adresse (numéro et voie)").fill("3 rue des Lilas");
  await page.getByLabel("Code postal").fill("750");
  await page.getByLabel("Commune").fill("Paris");
  await page.getByRole("button", { name: "Demander la copie par courrier recommandé" }).click();
  await expect(contentAlert(page)).toContainText("Le code postal comporte 5 chiffres.");
  await page.getByLabel("Code postal").fill("75011");
  await page.getByRole("button", { name: "Demander la copie par courrier recommandé" }).click();
  await expect(page.getByText("Votre demande est enregistrée : l'hébergeur vous enverra la copie de votre dossier par courrier recommandé.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Demandes de copie par courrier" })).toContainText("en cours de traitement par l'hébergeur");
  await expectNoSeriousA11yViolations(page);

  const operatorContext = await browser.newContext();
  const op = await operatorContext.newPage();
  await signInWithCard(op, operator);
  await op.goto("/pro/operateur");
  await op.getByRole("link", { name: "Copies de dossiers par courrier recommandé" }).click();
  await expect(op.getByRole("heading", { level: 1, name: "Copies par courrier recommandé" })).toBeVisible();
  await expect(op.getByText("3 rue des Lilas")).toBeVisible();
  await expectNoSeriousA11yViolations(op);
  await op.getByLabel("Numéro du recommandé").fill("1A12345678901");
  await op.getByRole("button", { name: "Marquer comme envoyée" }).click();
  await expect(op.getByText("Envoi enregistré : le patient en est informé.")).toBeVisible();
  await operatorContext.close();

  await page.reload();
  await expect(page.getByRole("list", { name: "Demandes de copie par courrier" })).toContainText("envoyée par recommandé n° 1A12345678901");
});
