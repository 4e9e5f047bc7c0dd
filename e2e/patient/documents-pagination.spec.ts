import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav } from "../fixtures/patient-portal";

test.describe.configure({ timeout: 180_000 });

/** Issue 14: the patient's lists send one page of 20 rows; filters and page stay in the URL. */
test("une patiente parcourt ses 45 documents par pages de 20, filtre par type, puis son historique page par page", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient({ firstName: "Agnès", sex: "F" });
  await dmp.consent(patient, doctor);
  // The record's reimbursement statement (its REMB snapshot document, dated today) is loaded
  // now rather than by the background job at some moment of the journey: 46 documents.
  await dmp.reimbursements(patient, "general");
  for (let i = 1; i <= 45; i++) {
    await dmp.document({ patient, author: doctor, typeCode: i % 5 === 0 ? "60591-5" : "11488-4", title: `Document n° ${String(i).padStart(2, "0")}`, serviceDate: `2025-${String(1 + Math.floor((i - 1) / 28)).padStart(2, "0")}-${String(1 + ((i - 1) % 28)).padStart(2, "0")}` });
  }

  await signInAsPatient(page, dmp, patient);
  await patientNav(page).getByRole("link", { name: "Mes documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
  const table = page.getByRole("region", { name: "Documents du dossier" });
  await expect(table.getByRole("row")).toHaveCount(21);
  await expect(table.getByRole("rowheader").first()).toContainText("Données de remboursement du ");
  await expect(table.getByRole("rowheader").nth(1)).toContainText("Document n° 45");
  const pages = page.getByRole("navigation", { name: "Pages de documents" });
  await expect(pages).toContainText("Page 1 sur 3");
  await expect(pages.getByRole("link", { name: "Page 1", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yViolations(page);

  await pages.getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pages).toContainText("Page 2 sur 3");
  await expect(table.getByRole("rowheader").first()).toContainText("Document n° 26");
  await pages.getByRole("link", { name: "Page suivante" }).click();
  await expect(table.getByRole("row")).toHaveCount(7);
  await pages.getByRole("link", { name: "Page précédente" }).click();
  await expect(pages).toContainText("Page 2 sur 3");

  // A type filter (options loaded after hydration): 9 documents, one page, the filter kept in the URL.
  await page.getByLabel("Type de document").selectOption("60591-5");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/typeCode=60591-5/);
  await expect(table.getByRole("row")).toHaveCount(10);
  await expect(page.getByText("9 documents, du plus récent au plus ancien.")).toBeVisible();
  await expect(page.getByLabel("Type de document")).toHaveValue("60591-5");
  await expect(page.getByRole("navigation", { name: "Pages de documents" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // The access history: the doctor's name as a filter, 20 rows a page.
  await page.goto("/patient/historique");
  await expect(page.getByRole("heading", { level: 1, name: "Historique des accès" })).toBeVisible();
  await page.getByLabel("Professionnel").fill(doctor.name.split(" ").at(-1) as string);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/actor=/);
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(history.getByRole("row").nth(1)).toContainText(doctor.name);
  await expectNoSeriousA11yViolations(page);
});
