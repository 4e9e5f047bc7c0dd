import { expect, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { contentAlert, declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";

test.describe.configure({ timeout: 90_000 });

test("le bris de glace est refusé quand le patient s'y est opposé", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Ahmed", sex: "M" });
  await dmp.emergencyPreferences(patient, { breakGlassAllowed: false, samuAllowed: true });
  const doctor = await dmp.professional({ firstName: "Paul" });
  await signInWithCard(page, doctor);
  await goToFirstAccess(page, patient);
  const accessUrl = page.url();
  await declareBreakGlass(page, JUSTIFICATION);

  await expect(contentAlert(page)).toContainText("le patient s'est opposé à l'accès en urgence (bris de glace) à son DMP");
  expect(page.url()).toBe(accessUrl);
  await expectNoSeriousA11yViolations(page);

  // Nothing was opened: the record stays closed to this professional.
  await page.goto(accessUrl.replace(/\/acces$/, ""));
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
});
