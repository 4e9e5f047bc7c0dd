import type { Page } from "@playwright/test";
import { expect, fullName, professionalWithRole, signInAsPatient, signInHospital, test, uniqueLastName } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

const AUTHOR = "Médecin auteur (responsable du document)";

async function reportTotals(page: Page, structureName: string): Promise<{ sent: number; fedOk: number }> {
  await page.goto("/hopital/rapports");
  await expect(page.getByRole("heading", { level: 1, name: `Rapports d'alimentation — ${structureName}` })).toBeVisible();
  const read = async (key: string) => Number(await page.getByTestId(`total-${key}`).textContent());
  return { sent: await read("sent"), fedOk: await read("fedOk") };
}

test("un médecin hospitalier rédige une lettre, l'envoie au DMP, le patient la voit et le rapport la compte", async ({ page, browser, dmp }) => {
  // Card sign-in, two accessibility audits and the patient's sign-in with a one-time code.
  test.setTimeout(120_000);
  const hospital = await dmp.structure({ name: "Hôpital Saint-Martin d'essai", kind: "HOSPITAL" });
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14", otpChannel: "EMAIL" });
  await dmp.admit(hospital, patient);
  const title = `Consultation de cardiologie e2e ${Date.now()}`;

  const patientContext = await browser.newContext();
  const patientPage = await patientContext.newPage();
  await signInAsPatient(patientPage, dmp, patient);
  await expect(patientPage.getByRole("heading", { level: 1 })).toBeVisible();

  await signInHospital(page, cardiologist, hospital.name);
  const before = await reportTotals(page, hospital.name);
  await expect(page.getByRole("img", { name: /fichiers envoyés/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/hopital");
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(patient)}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}` })).toBeVisible();
  // A doctor signs in their own name: no colleague to choose as author.
  await expect(page.getByLabel(AUTHOR).getByRole("option")).toHaveText([cardiologist.name]);
  await page.getByLabel("Document du catalogue de l'établissement").selectOption({ label: "CR Consultation — Compte rendu ou fiche de consultation ou de visite (11488-4)" });
  await expect(page.getByLabel("Contenu")).toHaveValue(/Motif de consultation/);
  await page.getByLabel("Titre du document").fill(title);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  const send = page.getByRole("checkbox", { name: "Envoi DMP" });
  await expect(send).toBeChecked();
  await expect(send).toBeEnabled();
  await page.getByRole("radio", { name: "Non masqué" }).check();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Valider le document" }).click();
  const outcome = page.locator("#contenu").getByRole("status").filter({ hasText: "Document validé — Alimentation OK" });
  await expect(outcome).toContainText("Document intégré au DMP.", { timeout: 30_000 });

  const after = await reportTotals(page, hospital.name);
  expect(after.sent).toBe(before.sent + 1);
  expect(after.fedOk).toBe(before.fedOk + 1);

  await patientPage.goto("/patient/documents");
  await expect(patientPage.getByRole("region", { name: "Documents du dossier" })).toContainText(title);
  await expectNoSeriousA11yViolations(patientPage);
  // Notified as in the portal: the new-document notice reaches the patient's inbox.
  await expect
    .poll(async () => {
      await patientPage.goto(`/dev/mails?destinataire=${encodeURIComponent(patient.email)}`);
      return (await patientPage.getByRole("article").first().textContent()) ?? "";
    }, { timeout: 20_000 })
    .toContain(`(${hospital.name}) a ajouté`);
  await patientContext.close();
});

test("sans NIR l'envoi est impossible ; la secrétaire prépare le brouillon, le médecin auteur le valide", async ({ page, dmp }) => {
  const hospital = await dmp.structure({ name: "Hôpital Saint-Martin d'essai", kind: "HOSPITAL" });
  const secretary = await professionalWithRole(dmp, "secretaire", { firstName: "Sandrine", structure: hospital });
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04", structure: hospital });
  // A pharmacist biologist of the same hospital, who may not author a letter.
  const biologist = await dmp.professional({ firstName: "Julien", profession: "21", specialty: null, structure: hospital });
  // Known to the hospital only: no NIR, a provisional identity.
  const person = { firstName: "Karim", lastName: uniqueLastName(), sex: "M" as const, birthDate: "1994-08-17" };
  await dmp.admit(hospital, person);

  await signInHospital(page, secretary, hospital.name);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: `Rédiger un document pour ${fullName(person)}` }).click();
  // The secretary chooses among the hospital's professionals who may author a letter (not the pharmacist biologist).
  const authors = page.getByLabel(AUTHOR).getByRole("option");
  await expect(authors).toContainText([cardiologist.name]);
  await expect(authors.filter({ hasText: biologist.name.replace(/^Dr /, "") })).toHaveCount(0);
  await expect(page.getByText("Envoi DMP impossible : NIR non renseigné")).toBeVisible();
  await page.getByLabel("Titre du document").fill("Compte rendu préparé par le secrétariat");
  await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  // The draft is the doctor's to validate: the secretary has no « Valider » button.
  await expect(page.getByText(`Le médecin auteur (${cardiologist.name}) valide ce document`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Valider le document" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
