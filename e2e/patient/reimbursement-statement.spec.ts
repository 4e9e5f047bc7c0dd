import { expect, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 120_000 });

const PERIOD = /^Période : du \d{1,2} \S+ \d{4} au \d{1,2} \S+ \d{4}$/;

test("le patient lit son relevé de remboursements : période, avertissement, rubriques, pages et filtres", async ({ page, dmp }) => {
  const patient = await dmp.patient();
  const { lines } = await dmp.reimbursements(patient, "diabete");
  expect(lines).toBeGreaterThan(40);

  await signInAsPatient(page, dmp, patient);
  await page.goto("/patient/remboursements");
  const statement = page.getByRole("region", { name: "Données de remboursement" });
  await expect(statement.getByText(PERIOD)).toBeVisible();
  await expect(statement).toContainText("fournies à titre purement informatif et leur exhaustivité ne peut être garantie");
  await expect(statement).toContainText("relève de la seule responsabilité de la personne qui les consulte");
  await expect(statement).toContainText("H : délivré ou réalisé au cours d'un séjour en hôpital");
  // A diabetic's deliveries say what the statement lets one infer.
  await expect(statement.getByText("ALD n° 8 — Diabète de type 1 et diabète de type 2")).toBeVisible();
  await expect(statement).not.toContainText("€");

  for (const title of ["Pharmacie / Fournitures", "Hospitalisation", "Soins médicaux et dentaires", "Radiologie"]) {
    await expect(statement.getByRole("heading", { level: 3, name: new RegExp(`^${title.replace("/", "\\/")}`) })).toBeVisible();
  }
  const pharmacy = statement.getByRole("region", { name: /^Pharmacie \/ Fournitures \(/ });
  for (const header of ["Date de délivrance", "Nom du médicament ou de la fourniture", "Composants actifs du médicament", "Quantités délivrées"]) {
    await expect(pharmacy.getByRole("columnheader", { name: header })).toBeVisible();
  }
  // The diabetic's metformin is among the deliveries; the history is drawn at random, so it
  // may sit on a later page than the first (newest first).
  let pharmacyPage = 1;
  while ((await pharmacy.getByRole("cell", { name: "METFORMINE CHLORHYDRATE" }).count()) === 0 && pharmacyPage < 6) {
    pharmacyPage += 1;
    await page.goto(`/patient/remboursements?remb_page_pharmacie=${pharmacyPage}`);
    await expect(pharmacy.getByRole("link", { name: `Page ${pharmacyPage}` })).toHaveAttribute("aria-current", "page");
  }
  await expect(pharmacy.getByRole("cell", { name: "METFORMINE CHLORHYDRATE" }).first()).toBeVisible();
  if (pharmacyPage > 1) await page.goto("/patient/remboursements");
  const care = statement.getByRole("region", { name: /^Soins médicaux et dentaires \(/ });
  for (const header of ["Date d'exécution de l'acte", "Acte", "Libellé de l'acte", "Spécialité"]) {
    await expect(care.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  const stays = statement.getByRole("region", { name: /^Hospitalisation \(/ });
  for (const header of ["Date d'admission", "Durée du séjour", "Nature du séjour"]) {
    await expect(stays.getByRole("columnheader", { name: header })).toBeVisible();
  }
  await expectNoSeriousA11yViolations(page);

  // 20 lines a page, each section its own pages.
  await expect(pharmacy.getByRole("row")).toHaveCount(21);
  await pharmacy.getByRole("navigation", { name: "Pages de la rubrique Pharmacie / Fournitures" }).getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/remb_page_pharmacie=2/);
  await expect(page.getByRole("region", { name: /^Pharmacie \/ Fournitures \(/ }).getByRole("link", { name: "Page 2" })).toHaveAttribute("aria-current", "page");

  // One section only.
  await page.getByLabel("Rubrique", { exact: true }).selectOption({ label: "Radiologie" });
  await page.getByRole("button", { name: "Filtrer le relevé" }).click();
  await expect(page).toHaveURL(/remb_section=radiologie/);
  await expect(page.getByRole("heading", { level: 3, name: /^Radiologie/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^Pharmacie/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Bad filters: a French message, the whole statement shown unchanged.
  await page.goto("/patient/remboursements?remb_du=2001-01-01");
  await expect(page.getByRole("alert").filter({ hasText: "Le relevé couvre la période du" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /^Pharmacie/ })).toBeVisible();
  await page.goto("/patient/remboursements?remb_section=bijoux&remb_page_soins=-3");
  await expect(page.getByRole("alert").filter({ hasText: "Cette rubrique n'existe pas dans le relevé." })).toBeVisible();
  await page.goto("/patient/remboursements?remb_du=2026-13-45");
  await expect(page.getByRole("alert").filter({ hasText: "Cette date n'existe pas." })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The record's reimbursement document is the statement's snapshot, dated.
  await page.goto("/patient/documents");
  await expect(page.getByRole("link", { name: /^Données de remboursement du \d{2}\/\d{2}\/\d{4}$/ })).toBeVisible();
});
