import { expect, fullName, searchByIns, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

const MASKED = "Compte rendu d'imagerie – IRM cérébrale";

test("le médecin traitant voit un document masqué aux professionnels, un autre professionnel autorisé ne le voit ni ne l'ouvre", async ({ page, browser, dmp }) => {
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54" });
  const cardiologist = await dmp.professional({ firstName: "Marc", specialty: "SM04" });
  const patient = await dmp.patient({ firstName: "Jean", sex: "M", birthDate: "1958-03-14" });
  await dmp.treatingDoctor(patient, gp);
  await dmp.consent(patient, cardiologist);
  await dmp.document({ patient, author: cardiologist, title: "Compte rendu de consultation de cardiologie" });
  await dmp.document({ patient, author: gp, typeCode: "18748-4", title: MASKED, masking: ["MASQUE_PS"] });

  await signInWithCard(page, gp);
  await searchByIns(page, patient);
  await page.getByRole("link", { name: `Ouvrir le dossier ${ofName(fullName(patient))}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
  await expect(page.getByText("Accès : Médecin traitant")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(MASKED) });
  await expect(row.getByText("Masqué aux PS")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Opening it is allowed (and traced).
  const href = (await row.getByRole("link", { name: MASKED, exact: true }).getAttribute("href")) ?? "";
  expect((await page.request.get(href)).status()).toBe(200);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInWithCard(other, cardiologist);
  await searchByIns(other, patient);
  await other.getByRole("link", { name: `Ouvrir le dossier ${ofName(fullName(patient))}` }).click();
  await expect(other.getByText("Accès : Autorisation du patient")).toBeVisible();
  await expect(other.getByRole("row", { name: /Compte rendu de consultation de cardiologie/ })).toBeVisible();
  await expect(other.getByRole("row", { name: new RegExp(MASKED) })).toHaveCount(0);
  await expectNoSeriousA11yViolations(other);
  expect((await other.request.get(href)).status()).toBe(404);
  await otherContext.close();
});
