import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav } from "../fixtures/patient-portal";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("parcourir, filtrer et ouvrir ses documents", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient();
  await dmp.consent(patient, doctor);
  await dmp.document({ patient, author: doctor, title: "Compte rendu de consultation", serviceDate: "2025-11-02" });
  await dmp.document({ patient, author: doctor, title: "Compte rendu masqué", serviceDate: "2025-12-10", masking: ["MASQUE_PS"] });

  await signInAsPatient(page, dmp, patient);
  await patientNav(page).getByRole("link", { name: "Mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
  const table = page.getByRole("region", { name: "Documents du dossier" });
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  await expect(table.getByText("Non masqué").first()).toBeVisible();
  await expect(table.getByText("Masqué aux professionnels").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The professional's documents are not the patient's own.
  await page.getByLabel("Source", { exact: true }).selectOption("PATIENT");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/source=PATIENT/);
  await expect(table).toContainText("Aucun document ne correspond à ces critères.");
  await expect(table).not.toContainText("Compte rendu");
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await page.getByLabel("Du", { exact: true }).fill("2100-01-01");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(table).toContainText("Aucun document ne correspond à ces critères.");

  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await table.getByRole("rowheader").first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 2, name: "Contenu" })).toBeVisible();
  const download = page.getByRole("link", { name: "Télécharger le document" });
  const href = await download.getAttribute("href");
  const response = await page.request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toContain("attachment");
  await expectNoSeriousA11yViolations(page);

  await patientNav(page).getByRole("link", { name: "Historique des accès" }).click();
  await expect(page.getByRole("region", { name: "Historique des accès au dossier" })).toContainText("Consultation d'un document");
});
