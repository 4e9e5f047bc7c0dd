import { expect, fullName, openFromNameSearch, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Fresh people from the sandbox factories (README "Bac à sable"): no other journey sees them.
test.setTimeout(120_000);

test("la présomption d'équipe de soins ne découle jamais d'un confrère que le patient a bloqué", async ({ page, dmp }) => {
  const structure = await dmp.structure({ name: "Clinique de la présomption", kind: "HOSPITAL" });
  const colleagueA = await dmp.professional({ firstName: "Anne", structure });
  const colleagueB = await dmp.professional({ firstName: "Bruno", structure });
  const patient = await dmp.patient({ firstName: "Lou", birthDate: "1985-03-12" });
  const name = fullName(patient);
  await dmp.consent(patient, colleagueA);

  await signInWithCard(page, colleagueB);

  // Control: the patient agreed to A, so B is presumed in the care team.
  await openFromNameSearch(page, patient, `Premier accès au dossier ${ofName(name)}`);
  await expect(page.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(name)}` })).toBeVisible();
  const careTeam = page.getByRole("region", { name: "Au titre de l'équipe de soins" });
  await expect(careTeam).toContainText(`Le patient a donné son accord à ${colleagueA.name}, de votre structure (${structure.name}).`);
  await expectNoSeriousA11yViolations(page);

  // The patient blocks A: A's agreement no longer extends to anyone.
  await dmp.block(patient, colleagueA);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(name)}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Au titre de l'équipe de soins" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accéder au dossier au titre de l'équipe de soins" })).toHaveCount(0);
  await expect(page.getByText(colleagueA.name)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
});
