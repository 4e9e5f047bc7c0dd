import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journeys on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test("changer l'identifiant d'un document dans l'URL ne mène jamais au dossier d'un autre patient", async ({ page, dmp }) => {
  const doctor = await dmp.professional();
  const other = await dmp.patient({ firstName: "Jean", sex: "M" });
  await dmp.consent(other, doctor);
  const doc = await dmp.document({ patient: other, author: doctor, title: "Compte rendu de consultation de Jean" });
  const patient = await dmp.patient({ firstName: "François", sex: "M" });

  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(patient))}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  for (const path of [`/patient/documents/${doc.documentId}`, `/patient/documents/${doc.documentId}/masquage`, `/patient/documents/${doc.documentId}/opposition`, `/patient/documents/${doc.documentId}/modifier`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("main")).not.toContainText(doc.title);
  }
  expect((await page.request.get(`/patient/documents/${doc.documentId}/contenu`)).status()).toBe(404);
});
