import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

// Multi-page journey on a shared 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

// The patient is this journey's own: her sign-out (which ends every session of her account)
// cannot cut a session another journey runs alongside.
test("un cookie de session patient copié ne sert plus après la déconnexion", async ({ page, browser, dmp }) => {
  const patient = await dmp.patient({ firstName: "Hélène", sex: "F" });
  const heading = `DMP ${ofName(fullName(patient))}`;
  await signInAsPatient(page, dmp, patient);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Someone copies the cookies: while the session lasts, the copy opens the record.
  const copied = await page.context().cookies();
  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/patient/tableau-de-bord");
  await expect(thiefPage.getByRole("heading", { level: 1, name: heading })).toBeVisible();

  // The owner signs out: every session of the account ends, the copy included.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connexion à mon DMP" })).toBeVisible();

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const replayPage = await replay.newPage();
  for (const path of ["/patient/tableau-de-bord", "/patient/documents", "/patient/profil"]) {
    await replayPage.goto(path);
    await expect(replayPage).toHaveURL(/\/patient\/connexion/);
  }
  await expect(replayPage.getByRole("heading", { level: 1, name: "Connexion à mon DMP" })).toBeVisible();
  await expectNoSeriousA11yViolations(replayPage);
  await thiefPage.reload();
  await expect(thiefPage).toHaveURL(/\/patient\/connexion/);
  await thief.close();
  await replay.close();
});
