import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { patientNav, signIn } from "../patient/helpers";
import { openFromSearch, signInAs } from "../pro/pro-helpers";

test.describe.configure({ timeout: 150_000 });

const HIDDEN = "Consultation de contraception – confidentielle";
const VISIBLE = "Certificat d'aptitude au sport";
const OLIVIER_MAIL = "olivier.petitjean@demo-patient.fr";

test("un représentant légal n'est jamais notifié, ni par courriel, d'un document invisible aux représentants légaux", async ({ page, browser }) => {
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInAs(pro, "Aurélie Rousseau");
    await openFromSearch(pro, "Petitjean", "2011-05-10", "Ouvrir le dossier de Chloé Petitjean");
    await expect(pro.getByRole("heading", { level: 1, name: "PETITJEAN Chloé" })).toBeVisible();
    for (const [title, hidden] of [
      [HIDDEN, true],
      [VISIBLE, false],
    ] as const) {
      await pro.getByRole("link", { name: "Ajouter un document" }).click();
      await expect(pro.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
      await pro.getByLabel("Type de document").selectOption("11488-4");
      await pro.getByLabel("Titre").fill(title);
      await pro.getByLabel("Contenu (texte)").fill(`${title} : examen normal.`);
      if (hidden) await pro.getByLabel("Invisible représentants légaux (INVISIBLE_REPRESENTANTS_LEGAUX)").check();
      await pro.getByRole("button", { name: "Valider et déposer le document" }).click();
      await expect(pro.getByRole("row", { name: new RegExp(title) })).toBeVisible();
    }
  } finally {
    await proContext.close();
  }

  // The visible document, added last, reaches Olivier's inbox: the hidden one, sent in the
  // same run or before, would be there by then.
  const inbox = await browser.newPage();
  await expect
    .poll(
      async () => {
        await inbox.goto(`/dev/mails?destinataire=${encodeURIComponent(OLIVIER_MAIL)}`);
        return inbox.getByRole("article").filter({ hasText: VISIBLE }).count();
      },
      { timeout: 30_000, message: "la notification du document visible n'est pas arrivée" },
    )
    .toBe(1);
  await expect(inbox.getByRole("main")).not.toContainText(HIDDEN);
  await inbox.close();

  await signIn(page, "olivier.petitjean");
  await expect(page.getByRole("heading", { level: 1, name: "DMP de Chloé Petitjean" })).toBeVisible();
  await patientNav(page).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: VISIBLE })).toHaveCount(1);
  await expect(page.getByRole("main")).not.toContainText(HIDDEN);
  await expectNoSeriousA11yViolations(page);
});
