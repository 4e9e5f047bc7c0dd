import JSZip from "jszip";
import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("fermer puis réactiver son dossier", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Jeanne" });
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/dossier");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Confirmation").fill("oui");
  await page.getByRole("button", { name: "Fermer mon DMP" }).click();
  await expect(page.getByText("Pour confirmer, saisissez exactement « FERMER MON DMP ».")).toBeVisible();

  await page.getByLabel("Confirmation").fill("FERMER MON DMP");
  await page.getByRole("button", { name: "Fermer mon DMP" }).click();
  await expect(page.getByText("Votre dossier est fermé.")).toBeVisible();
  await expect(page.getByText(/Suppression prévue le/)).toContainText(String(new Date().getFullYear() + 10));
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Réactiver mon DMP" }).click();
  await expect(page.getByText("Votre dossier est réactivé")).toBeVisible();
  await page.goto("/patient/historique");
  const table = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(table).toContainText("Fermeture du dossier");
  await expect(table).toContainText("Réactivation du dossier");
});

test("télécharger la copie complète du dossier", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient({ firstName: "Gérard", sex: "M" });
  await dmp.consent(patient, doctor);
  await dmp.document({ patient, author: doctor, title: "Compte rendu de consultation" });
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/dossier");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Télécharger la copie de mon dossier" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^copie-dmp-${patient.lastName.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const zip = await JSZip.loadAsync(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c)));
  const pdf = await zip.file("synthese-du-dossier.pdf")?.async("uint8array");
  expect(pdf && Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
  expect(Object.keys(zip.files).some((n) => n.startsWith("documents/"))).toBe(true);
});
