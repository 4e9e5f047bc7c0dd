import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signIn } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("connexion avec un code reçu par SMS", async ({ page }) => {
  // Louis Gauthier receives his code by SMS (prisma/seed/patients.ts, phone suffix 5616).
  await signIn(page, "louis.gauthier", "+33612345616");
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Louis Gauthier" })).toBeVisible();
  await page.goto("/dev/sms?destinataire=%2B33612345616");
  await expect(page.getByRole("article").first()).toContainText("Votre code à usage unique pour vous connecter");
  await expectNoSeriousA11yViolations(page);
});
