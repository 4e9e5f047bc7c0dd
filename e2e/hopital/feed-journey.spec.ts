import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { DEMO_PIN, fetchDemoCard } from "../pro/pro-helpers";
import { signIn as signInPatient } from "../patient/helpers";

async function signInHospital(page: Page, holderName: string): Promise<void> {
  const card = await fetchDemoCard(page, holderName);
  await page.goto("/hopital/connexion");
  await page.getByLabel("Carte CPS (fichier)").setInputFiles(card);
  await page.getByLabel("Code porteur (PIN)").fill(DEMO_PIN);
  await page.getByRole("button", { name: "Se connecter avec la carte" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Hôpital Saint-Martin" })).toBeVisible();
}

async function reportTotals(page: Page): Promise<{ sent: number; fedOk: number }> {
  await page.goto("/hopital/rapports");
  await expect(page.getByRole("heading", { level: 1, name: /Rapports d'alimentation — Hôpital Saint-Martin/ })).toBeVisible();
  const read = async (key: string) => Number(await page.getByTestId(`total-${key}`).textContent());
  return { sent: await read("sent"), fedOk: await read("fedOk") };
}

test("un médecin hospitalier rédige une lettre, l'envoie au DMP, le patient la voit et le rapport la compte", async ({ page, browser }) => {
  // Card sign-in, two accessibility audits and the patient's sign-in with a one-time code.
  test.setTimeout(120_000);
  const title = `Consultation de cardiologie e2e ${Date.now()}`;
  // The patient signs in first: the code reader reads the newest mail, which will soon be the new-document notice.
  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInPatient(patientPage, "jean.martin");
  await expect(patientPage.getByRole("heading", { level: 1 })).toBeVisible();

  await signInHospital(page, "Dr Marc Lefèvre");
  const before = await reportTotals(page);
  await expect(page.getByRole("img", { name: /fichiers envoyés/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/hopital");
  await page.getByRole("link", { name: "Rédiger un document pour Jean Martin" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Nouveau document pour Jean MARTIN" })).toBeVisible();
  // A doctor signs in their own name: no colleague to choose as author.
  await expect(page.getByLabel("Médecin auteur (responsable du document)").getByRole("option")).toHaveText(["Dr Marc Lefèvre"]);
  await page.getByLabel("Modèle de courrier").selectOption({ label: "Compte rendu de consultation (11488-4)" });
  await expect(page.getByLabel("Contenu")).toHaveValue(/Motif de consultation/);
  await page.getByLabel("Titre du document").fill(title);
  const send = page.getByRole("checkbox", { name: "Envoi DMP" });
  await expect(send).toBeChecked();
  await expect(send).toBeEnabled();
  await page.getByRole("radio", { name: "Non masqué" }).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Valider le document" }).click();
  const outcome = page.locator("#contenu").getByRole("status").filter({ hasText: "Résultat de l'envoi au DMP" });
  await expect(outcome).toContainText("Alimentation OK", { timeout: 30_000 });
  await expect(outcome).toContainText("Document intégré au DMP.");

  const after = await reportTotals(page);
  expect(after.sent).toBe(before.sent + 1);
  expect(after.fedOk).toBe(before.fedOk + 1);

  await patientPage.goto("/patient/documents");
  await expect(patientPage.getByRole("region", { name: "Documents du dossier" })).toContainText(title);
  // Notified as in the portal: the new-document notice reaches the patient's inbox.
  await expect
    .poll(async () => {
      await patientPage.goto(`/dev/mails?destinataire=${encodeURIComponent("jean.martin@demo-patient.fr")}`);
      return (await patientPage.getByRole("article").first().textContent()) ?? "";
    }, { timeout: 20_000 })
    .toContain("Hôpital Saint-Martin a ajouté");
  await patientContext.close();
});

test("l'envoi au DMP est grisé et expliqué pour un patient sans NIR", async ({ page }) => {
  await signInHospital(page, "Sandrine Roux");
  await page.getByRole("link", { name: "Rédiger un document pour Karim Mansour" }).click();
  // The secretary chooses among the hospital's professionals who may author a letter (not the pharmacist biologist).
  const authors = page.getByLabel("Médecin auteur (responsable du document)").getByRole("option");
  await expect(authors).toContainText(["Dr Marc Lefèvre"]);
  await expect(authors.filter({ hasText: "Julien Garnier" })).toHaveCount(0);
  const send = page.getByRole("checkbox", { name: "Envoi DMP" });
  await expect(send).toBeDisabled();
  await expect(send).not.toBeChecked();
  await expect(page.getByText("Envoi impossible : ce patient n'a pas d'identité qualifiée (pas de NIR).")).toBeVisible();
  await page.getByRole("button", { name: "Valider le document" }).click();
  await expect(page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé" })).toContainText("sans envoi au DMP");
});
