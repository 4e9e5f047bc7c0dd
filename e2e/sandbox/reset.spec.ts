/**
 * The sandbox reset puts the demo data back for everyone: it runs in its own Playwright
 * project ("reinitialisation"), after every other journey (playwright.config.ts), so that it
 * never wipes a journey running beside it. Alone:
 *   E2E_PORT=… npx playwright test e2e/sandbox/reset.spec.ts --no-deps
 */
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { Dmp, signInAsPatient } from "../fixtures/dmp";

test.describe.configure({ timeout: 90_000 });

type TSandboxPatient = { loginId: string; password: string };

test("la réinitialisation efface le patient créé par une suite, et un patient de démonstration se connecte toujours", async ({ page, request }) => {
  const created = await request.post("/api/sandbox/patients", { data: { firstName: "Zoé", lastName: "Éphémère" } });
  expect(created.status()).toBe(201);
  const patient = (await created.json()) as TSandboxPatient;

  const reset = await request.post("/api/sandbox/reinitialisation");
  expect(reset.status()).toBe(200);
  expect(await reset.json()).toMatchObject({ reset: true, tables: expect.any(Number), rows: expect.any(Number), elapsedMs: expect.any(Number) });

  // The patient the suite created no longer exists: their sign-in is refused like any unknown one.
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(patient.loginId);
  await page.getByLabel("Mot de passe").fill(patient.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Identifiant ou mot de passe incorrect.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The demo data is back and usable, with the same server (no restart).
  // Outside any namespace (plain `test`): the demo patient's codes are not namespaced.
  await signInAsPatient(page, new Dmp(request), { loginId: "jean.martin", password: "Demo-DMP-2026!", email: "jean.martin@demo-patient.fr", phone: "", otpChannel: "EMAIL" });
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Jean Martin" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
