import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("masquer un document aux professionnels puis lever le masquage", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const patient = await dmp.patient();
  await dmp.treatingDoctor(patient, doctor);
  const { title } = await dmp.document({ patient, author: doctor, title: "Compte rendu de consultation à masquer" });

  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/documents");
  const table = page.getByRole("region", { name: "Documents du dossier" });
  const row = table.getByRole("row").filter({ hasText: title });
  await expect(row.getByText("Non masqué")).toBeVisible();
  await row.getByRole("link", { name: title }).click();

  await page.getByRole("link", { name: "Masquer aux professionnels" }).click();
  await expect(page.getByText("Le verront toujours :")).toBeVisible();
  await expect(page.getByText("votre médecin traitant")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Confirmer le masquage" }).click();
  await expect(page.getByText("Le document est maintenant masqué aux professionnels.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Masqué aux professionnels" })).toBeVisible();

  await page.getByRole("link", { name: "Ne plus masquer aux professionnels" }).click();
  await page.getByRole("button", { name: "Confirmer le démasquage" }).click();
  await expect(page.getByText("Le document est de nouveau visible par les professionnels autorisés.")).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Non masqué" })).toBeVisible();

  await page.goto("/patient/historique?action=DOCUMENT_MASK");
  await expect(page.getByRole("region", { name: "Historique des accès au dossier" })).toContainText(title);
});
