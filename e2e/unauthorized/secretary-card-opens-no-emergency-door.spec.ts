import { expect, fullName, openFromNameSearch, professionalWithRole, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.setTimeout(90_000);

test("la carte d'établissement d'une secrétaire médicale n'ouvre aucune porte d'urgence", async ({ page, dmp }) => {
  const secretary = await professionalWithRole(dmp, "secretaire", { firstName: "Sandrine" });
  const patient = await dmp.patient({ firstName: "Manon", sex: "F", birthDate: "1998-11-08" });
  await signInWithCard(page, secretary);
  await expect(page.getByRole("navigation", { name: "Portail professionnel" }).getByRole("link", { name: "Régulation SAMU-Centre 15" })).toHaveCount(0);

  await openFromNameSearch(page, patient, `Premier accès au dossier ${ofName(fullName(patient))}`);
  await expect(page.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(fullName(patient))}` })).toBeVisible();
  const emergency = page.getByRole("region", { name: "Accès en urgence (bris de glace)" });
  await expect(emergency.getByText("L'accès en urgence est réservé aux professionnels de santé.", { exact: false })).toBeVisible();
  await expect(emergency.getByRole("button")).toHaveCount(0);
  await expect(emergency.getByRole("textbox")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  await page.goto("/pro/regulation");
  await expect(page.getByRole("heading", { level: 1, name: "Régulation SAMU-Centre 15" })).toHaveCount(0);
});
