import { expect, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";
import { patientNav } from "../fixtures/patient-portal";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 120_000 });

test("lire l'historique des accès : l'accès en bris de glace ressort, filtre et export CSV", async ({ page, browser, dmp }) => {
  const patient = await dmp.patient({ firstName: "Hugo", sex: "M" });
  const emergencyDoctor = await dmp.professional({ firstName: "Hélène" });
  const doctor = await dmp.professional();
  // A normal access too, so the filter has something to leave out.
  await dmp.consent(patient, doctor);
  await dmp.document({ patient, author: doctor, title: "Compte rendu de consultation" });

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, emergencyDoctor);
    await goToFirstAccess(pro, patient);
    await declareBreakGlass(pro, JUSTIFICATION);
    await expect(pro.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
  } finally {
    await proContext.close();
  }

  await signInAsPatient(page, dmp, patient);
  await patientNav(page).getByRole("link", { name: "Historique des accès" }).click();
  const table = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(table.getByText("Accès en urgence : Bris de glace").first()).toBeVisible();
  await expect(table.getByText(/Justification :/).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Mode d'accès").selectOption("BREAK_GLASS");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/mode=BREAK_GLASS/);
  const rows = table.getByRole("row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < count; i += 1) await expect(rows.nth(i)).toContainText("Bris de glace");

  const href = await page.getByRole("link", { name: "Exporter en CSV" }).getAttribute("href");
  expect(href).toContain("mode=BREAK_GLASS");
  const csv = await page.request.get(href as string);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const body = await csv.text();
  expect(body).toContain("Date et heure;Qui;Profession;Structure;Action;Mode d'accès");
  expect(body).toContain("Bris de glace");
  expect(body).not.toMatch(/;Normal;/);

  // The action filter: its options come from a static chunk after hydration; the one in force is in the page itself.
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page).toHaveURL(/\/patient\/historique$/);
  await page.getByLabel("Action").selectOption({ label: "Accès en urgence (bris de glace)" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=BREAK_GLASS_ACCESS/);
  await expect(page.getByLabel("Action")).toHaveValue("BREAK_GLASS_ACCESS");
  const declared = table.getByRole("row");
  await expect(declared).toHaveCount(2);
  await expect(declared.nth(1)).toContainText("Accès en urgence (bris de glace)");
  await expectNoSeriousA11yViolations(page);
});
