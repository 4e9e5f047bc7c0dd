import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 120_000 });

test("à 18 ans la représentation prend fin : la mère n'a plus le dossier dans sa liste et apprend comment sa fille ouvre son propre accès", async ({ page, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie", specialty: "SM40" });
  // A mother and her younger daughter, then her elder daughter, 17 when her record was opened.
  const { minor: younger, representative: mother } = await dmp.minor(pediatrician, { firstName: "Chloé", sex: "F", representative: { firstName: "Sophie", relationship: "Mère" } });
  // Her elder sister turns 18 in ten days.
  const soon = new Date();
  soon.setUTCFullYear(soon.getUTCFullYear() - 18);
  soon.setUTCDate(soon.getUTCDate() + 10);
  const { minor: elder } = await dmp.minor(pediatrician, {
    firstName: "Jade",
    lastName: younger.lastName,
    sex: "F",
    birthDate: soon.toISOString().slice(0, 10),
    representative: { accountId: mother.accountId, relationship: "Mère" },
  });
  const name = fullName(elder);

  await signInAsPatient(page, dmp, mother);
  await page.goto("/patient/choisir-dossier");
  await expect(page.getByRole("button", { name: `Ouvrir le dossier ${ofName(name)}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Eleven days later (the namespace's clock): she is 18, the representation has ended by itself.
  await dmp.advanceClock({ days: 11 });
  await signInAsPatient(page, dmp, mother);
  await expect(page.getByText(`${name} est majeure`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Ouvrir mon DMP" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/patient/choisir-dossier");
  await expect(page.getByRole("button", { name: `Ouvrir le dossier ${ofName(fullName(younger))}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Ouvrir le dossier ${ofName(name)}` })).toHaveCount(0);
  await expect(page.getByText(`${name} est majeure`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
