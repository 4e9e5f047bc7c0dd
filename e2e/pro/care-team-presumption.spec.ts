import { expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Two portals, two people, one shared 2-core machine.
test.describe.configure({ timeout: 150_000 });

test("une kinésithérapeute du cabinet du médecin traitant accède au titre de l'équipe de soins ; la patiente s'y oppose et l'accès est retiré", async ({
  page,
  browser,
  dmp,
}) => {
  // The patient chose a doctor of the practice as treating doctor; the physiotherapist works there too.
  const practice = await dmp.structure({ name: "Cabinet médical des Lilas", kind: "PRACTICE" });
  const gp = await dmp.professional({ firstName: "Claire", specialty: "SM54", structure: practice });
  const physio = await dmp.professional({ title: null, firstName: "Léa", profession: "70", specialty: null, structure: practice });
  const patient = await dmp.patient({ firstName: "Nathalie", sex: "F", birthDate: "1966-02-27" });
  await dmp.treatingDoctor(patient, gp);
  const name = fullName(patient);

  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, physio);
    await openFromNameSearch(pro, patient, `Premier accès au dossier ${ofName(name)}`);
    await expect(pro.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(name)}` })).toBeVisible();
    const careTeam = pro.getByRole("region", { name: "Au titre de l'équipe de soins" });
    await expect(careTeam).toContainText(`Le patient a donné son accord à ${gp.name}, de votre structure (${practice.name}).`);
    await expectNoSeriousA11yViolations(pro);
    await careTeam.getByRole("button", { name: "Accéder au dossier au titre de l'équipe de soins" }).click();
    await expect(pro.getByRole("heading", { level: 1, name: `${patient.lastName.toUpperCase()} ${patient.firstName}` })).toBeVisible();
    await expect(pro.getByText("Accès : Équipe de soins")).toBeVisible();
    const recordUrl = pro.url();

    // The patient sees how the physiotherapist got in, and objects.
    await signInAsPatient(page, dmp, patient);
    await page.getByRole("navigation", { name: "Espace patient" }).getByRole("link", { name: "Gérer les accès" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: physio.name }) });
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
    await expect(pro.getByRole("heading", { level: 1, name: `Accès au dossier ${ofName(name)}` })).toBeVisible();
    await expect(pro.getByRole("heading", { name: "Au titre de l'équipe de soins" })).toHaveCount(0);
  } finally {
    await proContext.close();
  }

  // Both steps are in her history.
  await page.goto("/patient/historique");
  const history = page.getByRole("region", { name: "Historique des accès au dossier" });
  await expect(history.getByRole("row").filter({ hasText: physio.name }).filter({ hasText: `Équipe de soins de ${practice.name}` })).toHaveCount(1);
  await expect(history.getByRole("row").filter({ hasText: "Modification de l'accès de l'équipe de soins" })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page);
});
