import { expect, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";

test.describe.configure({ timeout: 90_000 });

test("un accès en urgence expiré se ferme : le dossier est refusé et il faut déclarer l'urgence à nouveau", async ({ page, dmp }) => {
  const patient = await dmp.patient({ firstName: "Lucas", sex: "M" });
  const nurse = await dmp.professional({ title: null, firstName: "Aurélie", profession: "60", specialty: null });
  await signInWithCard(page, nurse);
  await goToFirstAccess(page, patient);
  await declareBreakGlass(page, JUSTIFICATION);
  await expect(page.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
  await expect(page.getByText(/^Accès en urgence \(bris de glace\) ouvert jusqu'à \d{2}:\d{2}$/)).toBeVisible();
  const recordUrl = page.url();

  // An emergency access lasts 2 hours: one minute more on the sandbox clock and it is over.
  await dmp.advanceClock({ hours: 2, minutes: 1 });
  // Two idle hours also ended her session (30 minutes): she signs in again.
  await signInWithCard(page, nurse);

  await page.goto(recordUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`${recordUrl}/acces`);
  await expect(page.getByRole("region", { name: "Accès en urgence (bris de glace)" }).getByRole("button", { name: "Déclarer l'urgence et ouvrir le dossier" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
