import { expect, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { declareBreakGlass, goToFirstAccess } from "../fixtures/emergency";

test.describe.configure({ timeout: 90_000 });

test("sans justification suffisante, le bris de glace est rejeté et aucun accès n'est ouvert", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Lucas", sex: "M" });
  const doctor = await dmp.professional({ firstName: "Amélie" });
  await signInWithCard(page, doctor);
  await goToFirstAccess(page, patient);
  const accessUrl = page.url();
  const form = page.getByRole("region", { name: "Accès en urgence (bris de glace)" });
  const justification = form.getByLabel(/Justification de l'accès en urgence/);

  // Nothing typed, boxes unchecked.
  await form.getByRole("button", { name: "Déclarer l'urgence et ouvrir le dossier" }).click();
  await expect(form.getByText("La justification doit faire au moins une phrase (20 caractères minimum).")).toBeVisible();
  await expect(form.getByText("Cochez la case : l'état du patient doit comporter un risque immédiat pour sa santé.")).toBeVisible();
  await expect(justification).toHaveAttribute("aria-invalid", "true");

  // Too short, boxes checked.
  await declareBreakGlass(page, "urgent");
  await expect(form.getByText("La justification doit faire au moins une phrase (20 caractères minimum).")).toBeVisible();
  await expect(justification).toHaveValue("urgent");
  expect(page.url()).toBe(accessUrl);
  await expectNoSeriousA11yViolations(page);

  await page.goto(accessUrl.replace(/\/acces$/, ""));
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
});
