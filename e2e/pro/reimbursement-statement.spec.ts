import type { Page } from "@playwright/test";
import { expect, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 120_000 });

/** Anything of the statement (the document type filter lists the type's name whatever the statement). */
const statementTrace = (page: Page) => page.getByText(/Pharmacie \/ Fournitures|Période : du|à titre purement informatif|Soins médicaux et dentaires/);

const recordHeading = (p: { firstName: string; lastName: string }) => `${p.lastName.toUpperCase()} ${p.firstName}`;

test("une pharmacienne, que la matrice autorise, lit le relevé de remboursements", async ({ page, dmp }) => {
  const pharmacist = await dmp.professional({ title: null, profession: "21", specialty: null });
  const patient = await dmp.patient();
  await dmp.consent(patient, pharmacist);
  await dmp.reimbursements(patient, "diabete");

  await signInWithCard(page, pharmacist);
  await page.goto(`/pro/patients/${patient.patientId}?vue=remboursements`);
  await expect(page.getByRole("heading", { level: 1, name: recordHeading(patient) })).toBeVisible();
  const statement = page.getByRole("region", { name: "Données de remboursement" });
  await expect(statement.getByText(/^Période : du /)).toBeVisible();
  await expect(statement.getByRole("heading", { level: 3, name: /^Pharmacie \/ Fournitures/ })).toBeVisible();
  await expect(statement.getByRole("navigation", { name: "Pages de la rubrique Pharmacie / Fournitures" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("un infirmier, que la matrice n'autorise pas, ne voit aucun relevé : comme s'il n'y en avait pas", async ({ page, dmp }) => {
  const nurse = await dmp.professional({ title: null, profession: "60", specialty: null });
  const patient = await dmp.patient();
  await dmp.consent(patient, nurse);
  await dmp.reimbursements(patient, "diabete");

  await signInWithCard(page, nurse);
  await page.goto(`/pro/patients/${patient.patientId}?vue=remboursements`);
  await expect(page.getByRole("heading", { level: 1, name: recordHeading(patient) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Données de remboursement" })).toHaveCount(0);
  await expect(statementTrace(page)).toHaveCount(0);
  await expect(page.getByText("Aucun relevé de remboursement à afficher pour ce dossier.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Remboursements" })).toHaveCount(0);
  // The paging parameters change nothing either.
  await page.goto(`/pro/patients/${patient.patientId}?vue=remboursements&remb_page_pharmacie=2&remb_section=pharmacie`);
  await expect(page.getByRole("heading", { level: 1, name: recordHeading(patient) })).toBeVisible();
  await expect(statementTrace(page)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});

test("le patient masque son relevé aux professionnels : un médecin autorisé ne le voit plus", async ({ browser, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient();
  await dmp.consent(patient, doctor);
  await dmp.reimbursements(patient, "general");

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await signInWithCard(pro, doctor);
  await pro.goto(`/pro/patients/${patient.patientId}?vue=remboursements`);
  await expect(pro.getByRole("region", { name: "Données de remboursement" })).toBeVisible();

  const patientContext = await browser.newContext();
  const page = await patientContext.newPage();
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/documents");
  await page.getByRole("link", { name: /^Données de remboursement du / }).click();
  await page.getByRole("link", { name: "Masquer aux professionnels" }).click();
  await page.getByRole("button", { name: "Confirmer le masquage" }).click();
  await expect(page.getByText("Le document est maintenant masqué aux professionnels.")).toBeVisible();
  // The patient still reads their statement.
  await page.goto("/patient/remboursements");
  await expect(page.getByRole("region", { name: "Données de remboursement" })).toBeVisible();

  await pro.reload();
  await expect(pro.getByRole("heading", { level: 1, name: recordHeading(patient) })).toBeVisible();
  await expect(statementTrace(pro)).toHaveCount(0);
  // Masked reads like no statement at all: the same words as for a record without one.
  await expect(pro.getByText("Aucun relevé de remboursement à afficher pour ce dossier.")).toBeVisible();
  await expectNoSeriousA11yViolations(pro);
  await proContext.close();
  await patientContext.close();
});
