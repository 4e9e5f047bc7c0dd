import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav, signIn } from "../patient/helpers";
import { openFromSearch, signInAs } from "./pro-helpers";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

test("une kinésithérapeute du cabinet du médecin traitant accède au titre de l'équipe de soins ; la patiente s'y oppose et l'accès est retiré", async ({
  page,
  browser,
}) => {
  // Nathalie Roche chose Dr Claire Dubois (Cabinet médical des Lilas) as treating doctor; Léa Bonnet works there.
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInAs(pro, "Léa Bonnet");
    await openFromSearch(pro, "Roche", "1966-02-27", "Premier accès au dossier de Nathalie Roche");
    await expect(pro.getByRole("heading", { level: 1, name: "Accès au dossier de Nathalie Roche" })).toBeVisible();
    const careTeam = pro.getByRole("region", { name: "Au titre de l'équipe de soins" });
    await expect(careTeam).toContainText("Le patient a donné son accord à Dr Claire Dubois, de votre structure (Cabinet médical des Lilas).");
    await expectNoSeriousA11yViolations(pro);
    await careTeam.getByRole("button", { name: "Accéder au dossier au titre de l'équipe de soins" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: "ROCHE Nathalie" })).toBeVisible();
    await expect(pro.getByText("Accès : Équipe de soins")).toBeVisible();
    const recordUrl = pro.url();

    // The patient sees how Léa Bonnet got in, and objects.
    await signIn(page, "nathalie.roche");
    await patientNav(page).getByRole("link", { name: "Gérer les accès" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Léa Bonnet" }) });
    await expect(row).toContainText("Autorisé (équipe de soins)");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "M'opposer à l'accès de l'équipe de soins" }).click();
    await expect(page.getByText("1 accès au titre de l'équipe de soins a été retiré.")).toBeVisible();
    await expect(page.getByText("Vous vous êtes opposé à l'accès de l'équipe de soins.")).toBeVisible();
    await expect(row).not.toContainText("Autorisé");

    // Her access ends at once, and nothing is presumed any more.
    await pro.goto(recordUrl);
    await expect(pro.getByRole("heading", { level: 1, name: "Dossier introuvable" })).toBeVisible();
    await pro.goto(`${recordUrl}/acces`);
    await expect(pro.getByRole("heading", { level: 1, name: "Accès au dossier de Nathalie Roche" })).toBeVisible();
    await expect(pro.getByRole("heading", { name: "Au titre de l'équipe de soins" })).toHaveCount(0);
  } finally {
    await proContext.close();
  }

  // Both steps are in her history.
  await page.goto("/patient/historique");
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(history.getByRole("row").filter({ hasText: "Léa Bonnet" }).filter({ hasText: "Équipe de soins de Cabinet médical des Lilas" })).toHaveCount(1);
  await expect(history.getByRole("row").filter({ hasText: "Modification de l'accès de l'équipe de soins" })).toHaveCount(1);
});
