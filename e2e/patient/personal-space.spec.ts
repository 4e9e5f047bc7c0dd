import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("ajouter un document personnel, refuser un fichier trop lourd ou d'un mauvais type", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Sarah" });
  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/documents/ajouter");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Titre").fill("Mes directives");
  await page.getByLabel("Type de document").selectOption("EXPPAT_3");
  await page.getByLabel("Date du document").fill("2026-01-15");

  // Too large: 10 MB + 1 byte of a real PDF.
  const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
  big.write("%PDF-1.7\n");
  await page.getByLabel("Fichier").setInputFiles({ name: "gros.pdf", mimeType: "application/pdf", buffer: big });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByText("Le fichier dépasse la taille maximale de 10 Mo.")).toBeVisible();
  await expect(page.getByLabel("Fichier")).toHaveAttribute("aria-invalid", "true");

  // Wrong type: an executable pretending to be a PDF.
  await page.getByLabel("Fichier").setInputFiles({ name: "faux.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByText("Type de fichier non accepté : seuls les fichiers PDF, PNG, JPEG et texte (.txt) sont acceptés.")).toBeVisible();

  await page.getByLabel("Fichier").setInputFiles({ name: "directives.txt", mimeType: "text/plain", buffer: Buffer.from("Je refuse tout acharnement thérapeutique.") });
  await page.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes directives" })).toBeVisible();
  await expect(page.getByText("Je refuse tout acharnement thérapeutique.")).toBeVisible();

  await page.getByRole("link", { name: "Modifier ou supprimer" }).click();
  await page.getByLabel("Titre").fill("Mes directives anticipées");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mes directives anticipées" })).toBeVisible();
  await page.getByRole("link", { name: "Modifier ou supprimer" }).click();
  await page.getByRole("button", { name: "Supprimer définitivement" }).click();
  await expect(page.getByText("Le document a été supprimé.")).toBeVisible();
});
