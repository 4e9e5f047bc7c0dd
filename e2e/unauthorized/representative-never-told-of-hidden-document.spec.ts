import { expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 150_000 });

const HIDDEN = "Consultation de contraception – confidentielle";
const VISIBLE = "Certificat d'aptitude au sport";

test("un représentant légal n'est jamais notifié, ni par courriel, d'un document invisible aux représentants légaux", async ({ page, browser, dmp }) => {
  const midwife = await dmp.professional({ title: null, firstName: "Aurélie", profession: "50", specialty: null });
  // The midwife opens the girl's record with her father's agreement (she is then authorized on it).
  const { minor: child, representative: father } = await dmp.minor(midwife, {
    firstName: "Chloé",
    sex: "F",
    representative: { firstName: "Olivier", relationship: "Père", otpChannel: "EMAIL" },
  });
  const childHeading = `${child.lastName.toUpperCase()} ${child.firstName}`;
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, midwife);
    await openFromNameSearch(pro, child, `Ouvrir le dossier ${ofName(fullName(child))}`);
    await expect(pro.getByRole("heading", { level: 1, name: childHeading })).toBeVisible();
    for (const [title, hidden] of [
      [HIDDEN, true],
      [VISIBLE, false],
    ] as const) {
      await pro.getByRole("link", { name: "Ajouter un document" }).click();
      await expect(pro.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
      if (hidden) await expectNoSeriousA11yViolations(pro);
      await pro.getByLabel("Type de document").selectOption("11488-4");
      await pro.getByLabel("Titre").fill(title);
      await pro.getByLabel("Contenu (texte)").fill(`${title} : examen normal.`);
      if (hidden) await pro.getByLabel("Invisible aux représentants légaux (INVISIBLE_REPRESENTANTS_LEGAUX)").check();
      await pro.getByRole("button", { name: "Valider et déposer le document" }).click();
      await expect(pro.getByRole("row", { name: new RegExp(title) })).toBeVisible();
    }
  } finally {
    await proContext.close();
  }

  // The visible document, added last, reaches the father's inbox: the hidden one, sent in the
  // same run or before, would be there by then.
  const inbox = await browser.newPage();
  await expect
    .poll(
      async () => {
        await inbox.goto(`/dev/mails?destinataire=${encodeURIComponent(father.email)}`);
        return inbox.getByRole("article").filter({ hasText: VISIBLE }).count();
      },
      { timeout: 30_000, message: "la notification du document visible n'est pas arrivée" },
    )
    .toBe(1);
  await expect(inbox.getByRole("main")).not.toContainText(HIDDEN);
  await inbox.close();

  await signInAsPatient(page, dmp, father);
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(fullName(child))}` })).toBeVisible();
  await page.getByRole("navigation", { name: "Espace patient" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: VISIBLE })).toHaveCount(1);
  await expect(page.getByRole("main")).not.toContainText(HIDDEN);
  await expectNoSeriousA11yViolations(page);
});
