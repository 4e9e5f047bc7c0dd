import type { Page } from "@playwright/test";
import { expect, fullName, openFromNameSearch, signInAsPatient, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { declareBreakGlass, goToFirstAccess, JUSTIFICATION } from "../fixtures/emergency";

test.describe.configure({ timeout: 240_000 });

/*
 * Issue 19, « What a person sees »: the record organised for reading, on a phone (390 px)
 * and on a desktop (1,280 px). Nothing widens the page, whose identity and access stay shown.
 */

/** 200 characters without a space: what the title field allows. */
const LONG_TITLE = "Comptesrendusdebiologie".repeat(9).slice(0, 200);

const WIDTHS = [
  { name: "téléphone", viewport: { width: 390, height: 844 }, isPhone: true },
  { name: "ordinateur", viewport: { width: 1280, height: 800 }, isPhone: false },
] as const;

/** The page is never wider than the window (a long title would push the buttons off screen). */
async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, "la page ne doit pas être plus large que la fenêtre").toBeLessThanOrEqual(clientWidth);
}

for (const width of WIDTHS) {
  test.describe(`sur ${width.name} (${width.viewport.width} px)`, () => {
    test.use({ viewport: width.viewport });

    test("une patiente lit un document au titre de 200 caractères sans espace, puis ses listes", async ({ page, dmp }) => {
      const doctor = await dmp.professional();
      const patient = await dmp.patient({ firstName: "Irène", sex: "F" });
      await dmp.consent(patient, doctor);
      const doc = await dmp.document({ patient, author: doctor, title: LONG_TITLE });

      await signInAsPatient(page, dmp, patient);
      const menu = page.getByRole("button", { name: "Menu" });
      const nav = page.getByRole("navigation", { name: "Espace patient" });
      if (width.isPhone) {
        // Folded: one line above the page, the page's title in the first screen.
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
        const box = (await menu.boundingBox())!;
        expect(box.height).toBeLessThanOrEqual(60);
        await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
        // The keyboard opens it, Escape closes it and gives the focus back, a link followed folds it.
        await menu.focus();
        await page.keyboard.press("Enter");
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await expect(nav).toBeVisible();
        await expectNoSeriousA11yViolations(page);
        await page.keyboard.press("Tab");
        await page.keyboard.press("Escape");
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
        await expect(menu).toBeFocused();
        await page.keyboard.press("Space");
        await expect(nav).toBeVisible();
        await nav.getByRole("link", { name: "Mes documents" }).focus();
        await page.keyboard.press("Enter");
        await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
      } else {
        // Unchanged on a desktop: the menu is there, no button.
        await expect(menu).toBeHidden();
        await expect(nav).toBeVisible();
        await nav.getByRole("link", { name: "Mes documents" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Mes documents" })).toBeVisible();
      }
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);

      await page.getByRole("link", { name: LONG_TITLE }).click();
      await expect(page.getByRole("heading", { level: 1, name: LONG_TITLE })).toBeVisible();
      await expectNoHorizontalScroll(page);
      // Within the window's width: reached by scrolling down, never sideways.
      const back = page.getByRole("link", { name: "Retour à mes documents" });
      await back.scrollIntoViewIfNeeded();
      await expect(back).toBeInViewport({ ratio: 1 });
      await expectNoSeriousA11yViolations(page);
      expect(page.url()).toContain(doc.documentId);

      for (const [path, heading] of [
        ["/patient/historique", "Historique des accès"],
        ["/patient/remboursements", /remboursements/i],
        ["/patient/notifications", "Notifications"],
      ] as const) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectNoSeriousA11yViolations(page);
      }
    });

    test("un médecin traitant lit le dossier onglet par onglet, page par page, l'identité et l'accès toujours affichés", async ({ page, dmp }) => {
      const gp = await dmp.professional({ firstName: "Hélène", specialty: "SM54" });
      const patient = await dmp.patient({ firstName: "Marcel", sex: "M", birthDate: "1950-06-03" });
      await dmp.treatingDoctor(patient, gp);
      // A long pharmacy section (several pages) and its REMB document: 21 documents with these.
      await dmp.reimbursements(patient, "diabete");
      const long = await dmp.document({ patient, author: gp, title: LONG_TITLE, serviceDate: "2025-03-01" });
      for (let i = 1; i <= 19; i++) {
        await dmp.document({ patient, author: gp, title: `Consultation n° ${String(i).padStart(2, "0")}`, serviceDate: `2025-01-${String(i).padStart(2, "0")}` });
      }
      const name = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
      await signInWithCard(page, gp);
      await openFromNameSearch(page, patient, `Ouvrir le dossier de ${fullName(patient)}`);

      const header = page.getByRole("region", { name: "Dossier consulté" });
      const sections = page.getByRole("navigation", { name: "Sections du dossier" });
      async function expectRecordInView() {
        await expect(header).toContainText(name);
        await expect(header).toContainText("Né le 03/06/1950");
        await expect(header).toContainText("INS");
        await expect(header.getByText("Accès : Médecin traitant")).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectNoSeriousA11yViolations(page);
      }

      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(sections.getByRole("link", { name: "Documents" })).toHaveAttribute("aria-current", "page");
      const pages = page.getByRole("navigation", { name: "Pages des documents" });
      await expect(pages).toContainText("Page 1 sur 2");
      await expectRecordInView();
      await pages.getByRole("link", { name: "Page suivante" }).click();
      await expect(page).toHaveURL(/page=2/);
      await expect(pages).toContainText("Page 2 sur 2");
      await expect(page.getByRole("region", { name: "21 documents" }).getByRole("row")).toHaveCount(2);
      if (!width.isPhone) {
        // Scrolled to the bottom of the page, whose record it is stays on screen.
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await expect(header).toBeInViewport();
      }

      // The tab bar is links: the keyboard follows them.
      await sections.getByRole("link", { name: "Synthèse" }).focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/vue=synthese/);
      await expect(sections.getByRole("link", { name: "Synthèse" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByRole("heading", { level: 2, name: "Synthèse" })).toBeVisible();
      await expectRecordInView();

      await sections.getByRole("link", { name: "Profil médical" }).click();
      await expect(page).toHaveURL(/vue=profil/);
      await expect(sections.getByRole("link", { name: "Profil médical" })).toHaveAttribute("aria-current", "page");
      await expectRecordInView();

      await sections.getByRole("link", { name: "Équipe de soins" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Équipe de soins" })).toBeVisible();
      await expectRecordInView();

      await sections.getByRole("link", { name: "Remboursements" }).click();
      await expect(page.getByRole("heading", { level: 2, name: "Données de remboursement" })).toBeVisible();
      const paged = page.getByRole("navigation", { name: /^Pages de la rubrique/ }).first();
      await expect(paged).toContainText("Page 1 sur");
      await expectRecordInView();
      await paged.getByRole("link", { name: "Page suivante" }).click();
      await expect(paged).toContainText("Page 2 sur");
      if (!width.isPhone) {
        // The page link leads to its section: its title lands below the record's header, not under it.
        await expect(page).toHaveURL(/#remb-/);
        const title = page.locator(`${new URL(page.url()).hash} h3`);
        await expect(title).toBeInViewport();
        await expect(async () => {
          const [top, bar] = [(await title.boundingBox())!, (await header.boundingBox())!];
          expect(top.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
        }).toPass();
      }
      await expect(sections.getByRole("link", { name: "Remboursements" })).toHaveAttribute("aria-current", "page");
      await expect(header).toContainText(name);

      await sections.getByRole("link", { name: "Historique" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Historique des accès des autres professionnels" })).toBeVisible();
      await expect(sections.getByRole("link", { name: "Historique" })).toHaveAttribute("aria-current", "page");
      await expectRecordInView();

      // The record's sub-pages show it too, a long title wrapping.
      await page.goto(`/pro/patients/${patient.patientId}/documents/${long.documentId}/apercu`);
      await expect(page.getByRole("heading", { level: 1, name: LONG_TITLE })).toBeVisible();
      await expectRecordInView();
      await page.goto(`/pro/patients/${patient.patientId}/ajouter-document`);
      await expect(page.getByRole("heading", { level: 1, name: "Ajouter un document" })).toBeVisible();
      await expectRecordInView();
      await header.getByRole("link", { name }).click();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    });
  });
}

test.describe("sur téléphone, en urgence", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("le bris de glace se lit dans l'en-tête du dossier, avec son heure de fin", async ({ page, dmp }) => {
    const doctor = await dmp.professional({ firstName: "Paul" });
    const patient = await dmp.patient({ firstName: "Lucie", sex: "F" });
    await signInWithCard(page, doctor);
    await goToFirstAccess(page, patient);
    await declareBreakGlass(page, JUSTIFICATION);
    const header = page.getByRole("region", { name: "Dossier consulté" });
    await expect(header.getByText(/^Accès en urgence \(bris de glace\) jusqu'à \d{2} h \d{2}$/)).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);
  });
});
