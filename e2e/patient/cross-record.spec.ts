import { expect, test } from "@playwright/test";
import { queryOne, signIn } from "./helpers";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("changer l'identifiant d'un document dans l'URL ne mène jamais au dossier d'un autre patient", async ({ page }) => {
  const doc = await queryOne<{ id: string; title: string }>(
    `SELECT d.id, d.title FROM "Document" d JOIN "Patient" p ON p.id = d.patientId WHERE p.firstName = 'Jean' AND p.lastName = 'Martin' AND d.hiddenFromPatient = 0 LIMIT 1`,
  );

  await signIn(page, "francois.henry");
  await expect(page.getByRole("heading", { level: 1, name: "DMP de François Henry" })).toBeVisible();
  for (const path of [`/patient/documents/${doc.id}`, `/patient/documents/${doc.id}/masquage`, `/patient/documents/${doc.id}/opposition`, `/patient/documents/${doc.id}/modifier`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("main")).not.toContainText(doc.title);
  }
  expect((await page.request.get(`/patient/documents/${doc.id}/contenu`)).status()).toBe(404);
});
