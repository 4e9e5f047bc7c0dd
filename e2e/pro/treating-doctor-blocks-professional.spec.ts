import { expect, fullName, openFromNameSearch, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

test("le médecin traitant voit les accès des autres professionnels et bloque un infirmier à la demande du patient, qui est alors refusé", async ({ page, browser, dmp }) => {
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const nursePro = await dmp.professional({ title: null, firstName: "Nicolas", profession: "60", specialty: null });
  const patient = await dmp.patient({ firstName: "Mathieu", sex: "M", birthDate: "1970-03-21" });
  await dmp.treatingDoctor(patient, gp);
  await dmp.consent(patient, nursePro);
  const openRecord = `Ouvrir le dossier ${ofName(fullName(patient))}`;
  const heading = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
  const nurseContext = await browser.newContext();
  const nurse = await nurseContext.newPage();
  try {
    // The nurse, authorized by the patient, opens the record.
    await signInWithCard(nurse, nursePro);
    await openFromNameSearch(nurse, patient, openRecord);
    await expect(nurse.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    const recordUrl = nurse.url();
    // The treating doctor's extras are not offered to him.
    await expect(nurse.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Historique" })).toHaveCount(0);
    await nurse.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Équipe de soins" }).click();
    await expect(nurse.getByRole("heading", { level: 2, name: "Équipe de soins" })).toBeVisible();
    await expect(nurse.getByRole("button", { name: /à la demande du patient/ })).toHaveCount(0);

    // The treating doctor reads the traces of the other professionals.
    await signInWithCard(page, gp);
    await openFromNameSearch(page, patient, openRecord);
    await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
    await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Historique" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Historique des accès des autres professionnels" })).toBeVisible();
    const nurseViews = page.getByRole("row").filter({ hasText: nursePro.name }).filter({ hasText: "Consultation du dossier" });
    await expect(nurseViews.first()).toBeVisible();
    await expect(nurseViews.first()).toContainText("Autorisé");
    await expectNoSeriousA11yViolations(page);

    // At the patient's request, she blocks him.
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Équipe de soins" }).click();
    await page.getByRole("button", { name: `Bloquer ${nursePro.name} à la demande du patient` }).click();
    await expect(page.getByText("Professionnel bloqué à la demande du patient.")).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    // His next request is refused, like an unknown record.
    await nurse.goto(recordUrl);
    await expect(nurse.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
    await expect(nurse.getByRole("heading", { level: 1, name: heading })).toHaveCount(0);
    await expectNoSeriousA11yViolations(nurse);

    // The refusal is traced, and the treating doctor sees it.
    await page.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Historique" }).click();
    const refused = page.getByRole("row").filter({ hasText: nursePro.name }).filter({ hasText: "Refusé" });
    await expect(refused.first()).toBeVisible();
  } finally {
    await nurseContext.close();
  }
});
