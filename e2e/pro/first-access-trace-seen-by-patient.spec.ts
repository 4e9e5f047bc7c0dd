import { expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("le premier accès d'une oncologue, avec consentement, est tracé et la patiente le voit dans son historique", async ({ page, browser, dmp }) => {
  const oncologist = await dmp.professional({ firstName: "Hélène", specialty: null });
  const patient = await dmp.patient({ firstName: "Sophie", sex: "F", birthDate: "1983-09-02" });
  const name = fullName(patient);
  // The oncologist's name as the patient's pages write it (no title).
  const oncologistName = oncologist.name.replace(/^Dr /, "");
  const patientNav = page.getByRole("navigation", { name: "Espace patient" });
  await signInAsPatient(page, dmp, patient);

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, oncologist);
    await openFromNameSearch(pro, patient, `Premier accès au dossier ${ofName(name)}`);
    await expect(pro.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(name)}` })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);
    await pro.getByLabel("Le patient m'a donné son accord pour accéder à son dossier").check();
    await pro.getByRole("button", { name: "Enregistrer le consentement et ouvrir le dossier" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);
  } finally {
    await proContext.close();
  }

  await patientNav.getByRole("link", { name: "Historique des accès" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Historique des accès" })).toBeVisible();
  const table = page.getByRole("region", { name: "Historique des accès au dossier" });
  const grant = table.getByRole("row").filter({ hasText: oncologistName }).filter({ hasText: "Autorisation d'accès (consentement du patient)" });
  await expect(grant).toHaveCount(1);
  await expect(grant).toContainText("Autorisé");
  await expect(table.getByRole("row").filter({ hasText: oncologistName }).filter({ hasText: "Consultation du dossier" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await patientNav.getByRole("link", { name: "Notifications" }).click();
  const note = page.getByRole("listitem").filter({ hasText: "Première consultation de votre DMP par un professionnel" }).filter({ hasText: oncologistName });
  await expect(note).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});
