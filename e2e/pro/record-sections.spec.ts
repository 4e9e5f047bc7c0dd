import { expect, fullName, openFromNameSearch, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 180_000 });

/**
 * Issue 14: the record a professional reads is split in sections by URL, each a page of
 * 20 rows; whose record it is and by which right stay in view on every section.
 */
test("un médecin lit un dossier de 45 documents page par page, puis sa synthèse, son équipe de soins et ses remboursements", async ({ page, dmp }) => {
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const patient = await dmp.patient({ firstName: "Odile", sex: "F", birthDate: "1961-02-14" });
  await dmp.treatingDoctor(patient, gp);
  // The reimbursement statement (its REMB snapshot document, dated today) is loaded now,
  // not by the background job at some moment of the journey: 46 documents.
  await dmp.reimbursements(patient, "general");
  for (let i = 1; i <= 45; i++) {
    await dmp.document({ patient, author: gp, typeCode: "11488-4", title: `Consultation n° ${String(i).padStart(2, "0")}`, serviceDate: `2025-${String(1 + Math.floor((i - 1) / 28)).padStart(2, "0")}-${String(1 + ((i - 1) % 28)).padStart(2, "0")}` });
  }
  const heading = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
  await signInWithCard(page, gp);
  await openFromNameSearch(page, patient, `Ouvrir le dossier ${ofName(fullName(patient))}`);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();

  // Documents first, 20 at a time, newest first.
  const sections = page.getByRole("navigation", { name: "Sections du dossier" });
  await expect(sections.getByRole("link", { name: "Documents" })).toHaveAttribute("aria-current", "page");
  const documents = page.getByRole("region", { name: "46 documents" });
  await expect(documents.getByRole("row")).toHaveCount(21);
  await expect(documents.getByRole("rowheader").first()).toContainText("Données de remboursement du ");
  await expect(documents.getByRole("rowheader").nth(1)).toContainText("Consultation n° 45");
  const pages = page.getByRole("navigation", { name: "Pages des documents" });
  await expect(pages).toContainText("Page 1 sur 3");
  await expectNoSeriousA11yViolations(page);

  await pages.getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pages).toContainText("Page 2 sur 3");
  await expect(documents.getByRole("rowheader").first()).toContainText("Consultation n° 26");
  await pages.getByRole("link", { name: "Page 3", exact: true }).click();
  await expect(documents.getByRole("row")).toHaveCount(7);
  await expect(pages.getByRole("link", { name: "Page suivante" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Page précédente" }).click();
  await expect(pages).toContainText("Page 2 sur 3");

  // The type filter's options arrive after hydration; the filter lives in the URL.
  await page.getByLabel("Type", { exact: true }).selectOption("11488-4");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/typeCode=11488-4/);
  await expect(page.getByRole("region", { name: "45 documents" })).toBeVisible();
  await expect(page.getByLabel("Type", { exact: true })).toHaveValue("11488-4");

  // The other sections: each its own URL, the identity and the access always shown.
  await sections.getByRole("link", { name: "Synthèse" }).click();
  await expect(page).toHaveURL(/vue=synthese/);
  await expect(page.getByRole("heading", { level: 2, name: "Synthèse" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
  await expect(page.getByRole("region", { name: /documents?$/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await sections.getByRole("link", { name: "Équipe de soins" }).click();
  await expect(page).toHaveURL(/vue=equipe/);
  await expect(sections.getByRole("link", { name: "Équipe de soins" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row").filter({ hasText: "Médecin traitant" })).toContainText(gp.name.replace(/^Dr /, ""));
  await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await sections.getByRole("link", { name: "Remboursements" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Données de remboursement" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The treating doctor's history of the other professionals is a tab too.
  await sections.getByRole("link", { name: "Historique" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Historique des accès des autres professionnels" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Historique" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Dossier consulté" })).toContainText(heading);
  await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
});
