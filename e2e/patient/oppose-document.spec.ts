import { expect, fullName, searchByIns, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

test("s'opposer à un document pour motif légitime le retire au médecin traitant ; lever l'opposition le lui rend", async ({ page, browser, dmp }) => {
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const patient = await dmp.patient({ firstName: "Mathieu", sex: "M", birthDate: "1970-03-21" });
  await dmp.treatingDoctor(patient, gp);
  const doc = await dmp.document({ patient, author: gp, title: "Compte rendu de consultation de médecine générale" });
  const reason = "Ce compte rendu concerne un autre patient que moi.";

  await signInAsPatient(page, dmp, patient);
  await page.goto(`/patient/documents/${doc.documentId}`);
  await expect(page.getByRole("heading", { level: 1, name: doc.title })).toBeVisible();
  await page.getByRole("link", { name: "M'opposer à ce document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "M'opposer à ce document" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Too short a reason: a French message, nothing recorded.
  await page.getByLabel("Motif de l'opposition").fill("non");
  await page.getByRole("button", { name: "Confirmer l'opposition" }).click();
  // The hint says the same words: wait for the error itself, or the form would be refilled with "non" after the next fill.
  await expect(page.getByLabel("Motif de l'opposition")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Erreur : Expliquez le motif légitime de votre opposition (10 caractères au moins).")).toBeVisible();
  await page.getByLabel("Motif de l'opposition").fill(reason);
  await page.getByRole("button", { name: "Confirmer l'opposition" }).click();
  await expect(page.getByText("Votre opposition est enregistrée : le document est retiré de la vue des professionnels.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: reason })).toBeVisible();

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, gp);
    await searchByIns(pro, patient);
    await pro.getByRole("link", { name: `Ouvrir le dossier ${ofName(fullName(patient))}` }).click();
    await expect(pro.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
    await expect(pro.getByText("Accès : Médecin traitant")).toBeVisible();
    await expect(pro.getByRole("row", { name: doc.title })).toHaveCount(0);

    await page.getByRole("link", { name: "Lever mon opposition" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lever mon opposition" })).toBeVisible();
    await expect(page.getByText(`Motif de votre opposition : « ${reason} »`)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Confirmer la levée de l'opposition" }).click();
    await expect(page.getByText("Votre opposition est levée : le document est de nouveau visible par les professionnels autorisés.")).toBeVisible();
    await expect(page.getByRole("link", { name: "M'opposer à ce document" })).toBeVisible();

    await pro.reload();
    await expect(pro.getByRole("row", { name: doc.title })).toHaveCount(1);
  } finally {
    await proContext.close();
  }

  // Both decisions are in the patient's history, the reason with the first.
  await page.goto("/patient/historique");
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(history.getByRole("row").filter({ hasText: "Opposition à un document" }).filter({ hasText: reason })).toHaveCount(1);
  await expect(history.getByRole("row").filter({ hasText: "Levée de l'opposition à un document" })).toHaveCount(1);
});

