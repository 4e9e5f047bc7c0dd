import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav, signIn } from "../patient/helpers";
import { openFromSearch, signInAs } from "./pro-helpers";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("le premier accès d'une oncologue, avec consentement, est tracé et la patiente le voit dans son historique", async ({ page, browser }) => {
  // The patient signs in first: the notification mail that follows cannot be mistaken for her code.
  await signIn(page, "sophie.petitjean");

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInAs(pro, "Dr Hélène Moreau");
    await openFromSearch(pro, "Petitjean", "1983-09-02", "Premier accès au dossier de Sophie Petitjean");
    await expect(pro.getByRole("heading", { level: 1, name: "Accès au dossier de Sophie Petitjean" })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);
    await pro.getByLabel("Le patient m'a donné son accord pour accéder à son dossier").check();
    await pro.getByRole("button", { name: "Enregistrer le consentement et ouvrir le dossier" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: "PETITJEAN Sophie" })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);
  } finally {
    await proContext.close();
  }

  await patientNav(page).getByRole("link", { name: "Historique des accès" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Historique des accès" })).toBeVisible();
  const table = page.getByRole("region", { name: "Historique des accès au dossier" });
  const grant = table.getByRole("row").filter({ hasText: "Hélène Moreau" }).filter({ hasText: "Autorisation d'accès (consentement du patient)" });
  await expect(grant).toHaveCount(1);
  await expect(grant).toContainText("Autorisé");
  await expect(table.getByRole("row").filter({ hasText: "Hélène Moreau" }).filter({ hasText: "Consultation du dossier" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await patientNav(page).getByRole("link", { name: "Notifications" }).click();
  const note = page.getByRole("listitem").filter({ hasText: "Première consultation de votre DMP par un professionnel" }).filter({ hasText: "Hélène Moreau" });
  await expect(note).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});
