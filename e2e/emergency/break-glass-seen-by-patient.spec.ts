import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "../pro/pro-helpers";
import { patientNav } from "../patient/helpers";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION, signInPatient } from "./helpers";

test.describe.configure({ timeout: 120_000 });

test("bris de glace avec justification : le dossier s'ouvre, le patient voit la trace et la notification", async ({ browser }) => {
  // Lucas Faure receives his one-time codes, and his notifications, by SMS.
  const patientContext = await browser.newContext();
  const page = await patientContext.newPage();
  await signInPatient(page, "lucas.faure", "+33612345612");

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  await signInAs(pro, "Dr Hélène Moreau");
  await goToFirstAccess(pro, "Faure", "1988-12-03", "Lucas Faure");
  await expectNoSeriousA11yViolations(pro);
  await declareBreakGlass(pro, JUSTIFICATION);

  await expect(pro.getByRole("heading", { level: 1, name: "FAURE Lucas" })).toBeVisible();
  await expect(pro.getByText(/^Accès en urgence \(bris de glace\) ouvert jusqu'à \d{2}:\d{2}$/)).toBeVisible();
  await expect(pro.getByRole("region", { name: "Synthèse d'urgence" })).toBeVisible();
  await expectNoSeriousA11yViolations(pro);
  // Back on the search, the open emergency access leads straight to the record.
  await pro.goto("/pro");
  await pro.getByLabel("Nom (obligatoire)", { exact: true }).fill("Faure");
  await pro.getByLabel("Date de naissance du patient").fill("1988-12-03");
  await pro.getByRole("button", { name: "Rechercher par nom" }).click();
  await expect(pro.getByRole("link", { name: /^Premier accès/ })).toHaveCount(0);
  await pro.getByRole("link", { name: "Ouvrir le dossier de Lucas Faure (accès d'urgence en cours)" }).click();
  await expect(pro.getByRole("heading", { level: 1, name: "FAURE Lucas" })).toBeVisible();
  await proContext.close();

  await page.goto("/patient/tableau-de-bord");
  await patientNav(page).getByRole("link", { name: "Historique des accès" }).click();
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  const row = history.getByRole("row").filter({ hasText: "Hélène Moreau" }).filter({ hasText: "Accès en urgence (bris de glace)" }).first();
  await expect(row.getByText("Accès en urgence : Bris de glace")).toBeVisible();
  await expect(row.getByText(`Justification : ${JUSTIFICATION}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await patientNav(page).getByRole("link", { name: "Notifications" }).click();
  const notification = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Accès en urgence à votre DMP \(bris de glace\)/ }) })
    .filter({ hasText: "Hélène Moreau" })
    .first();
  await expect(notification).toContainText("Hélène Moreau");
  await expect(notification).toContainText(JUSTIFICATION);
  await expect(notification.getByText("Accès en urgence", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await patientContext.close();
});
