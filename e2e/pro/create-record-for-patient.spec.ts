import type { Page } from "@playwright/test";
import { formatNir } from "../../lib/identity/nir";
import { expect, fullName, searchByName, signInWithCard, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { ofName } from "@/lib/text/french";

test.describe.configure({ timeout: 150_000 });

/** A mobile number of this journey's own ("06 5x xx xx xx"), so its SMS outbox holds only its messages. */
const digits = String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0");
const MOBILE = `06 5${digits.slice(0, 1)} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)}`;
const MOBILE_E164 = `+336${MOBILE.replace(/\s/g, "").slice(2)}`;

/** The SMS outbox of the patient's mobile, newest first. */
async function smsTexts(page: Page): Promise<string[]> {
  await page.goto(`/dev/sms?destinataire=${encodeURIComponent(MOBILE_E164)}`);
  return page.getByRole("article").allTextContents();
}

test("une radiologue crée le DMP d'une patiente qui l'accepte ; la patiente se connecte avec le mot de passe provisoire reçu par SMS", async ({ page, browser, dmp }) => {
  const radiologist = await dmp.professional({ firstName: "Sophie", specialty: "SM44" });
  // In the Assurance Maladie registry, without a record.
  const person = await dmp.beneficiary({ firstName: "Élodie", sex: "F", birthDate: "1992-06-30" });
  const name = fullName(person);
  const heading = `${person.lastName.toUpperCase()} ${person.firstName}`;
  const loginId = `elodie.${person.lastName.toLowerCase()}`;
  const proContext = await browser.newContext();
  const pro = await proContext.newPage();
  try {
    await signInWithCard(pro, radiologist);
    await searchByName(pro, person);
    const row = pro.getByRole("row", { name: new RegExp(heading) });
    await expect(row.getByText("Pas de dossier")).toBeVisible();
    await row.getByRole("link", { name: `Créer le DMP ${ofName(name)}` }).click();

    await expect(pro.getByRole("heading", { level: 1, name: `Créer le DMP ${ofName(name)}` })).toBeVisible();
    const identity = pro.getByRole("region", { name: "Identité (registre de l'Assurance Maladie)" });
    await expect(identity).toContainText(formatNir(person.nir));
    await expect(identity).toContainText("30/06/1992");
    // The identity is read-only: nothing of it can be typed.
    await expect(pro.getByLabel("NIR", { exact: true })).toHaveCount(0);
    await expectNoSeriousA11yViolations(pro);

    // Bad input: clear French messages, nothing created.
    await pro.getByLabel("Téléphone mobile").fill("0123");
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    await expect(pro.getByText("Numéro de mobile invalide (06 ou 07 suivi de 8 chiffres).")).toBeVisible();
    await expect(pro.getByText(/le patient doit avoir donné son accord/)).toBeVisible();
    await expect(pro.getByLabel("Téléphone mobile")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(pro);

    await pro.getByLabel("Téléphone mobile").fill(MOBILE);
    await pro.getByLabel("Le patient a donné son accord pour la création de son DMP").check();
    await pro.getByRole("button", { name: "Créer le dossier" }).click();
    const done = pro.getByRole("region", { name: "Dossier créé" });
    await expect(done).toBeVisible();
    await expect(done).toContainText(loginId);
    await expect(done).toContainText("par SMS");
    await expect(done).not.toContainText(/provisoire\s*:/);
    await expectNoSeriousA11yViolations(pro);

    // The creator is authorized: the record opens; the reimbursements follow within seconds.
    await done.getByRole("link", { name: `Ouvrir le dossier ${ofName(name)}` }).click();
    await expect(pro.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await pro.getByRole("navigation", { name: "Sections du dossier" }).getByRole("link", { name: "Remboursements" }).click();
    await expect(pro.getByRole("heading", { level: 2, name: "Données de remboursement" })).toBeVisible();
    await expect
      .poll(
        async () => {
          await pro.reload();
          return pro.getByText("L'historique des remboursements est en cours de chargement").count();
        },
        { timeout: 30_000, message: "l'historique de remboursements n'a pas été chargé" },
      )
      .toBe(0);
    await expect(pro.getByRole("region", { name: /^Pharmacie \/ Fournitures \(/ })).toBeVisible();
    await expectNoSeriousA11yViolations(pro);

    // A second creation is no longer offered.
    await searchByName(pro, person);
    await expect(pro.getByRole("link", { name: `Ouvrir le dossier ${ofName(name)}` })).toBeVisible();
    await expect(pro.getByRole("link", { name: `Créer le DMP ${ofName(name)}` })).toHaveCount(0);
  } finally {
    await proContext.close();
  }

  // The patient reads the temporary password on her phone (the development SMS page)…
  let secret = "";
  await expect
    .poll(
      async () => {
        const texts = await smsTexts(page);
        secret = texts.map((t) => /mot de passe provisoire : (\S+) ;/.exec(t)?.[1]).find(Boolean) ?? "";
        // Wait for the creation notice too, so it cannot be taken for her sign-in code.
        return secret !== "" && texts.some((t) => t.includes("Votre dossier médical partagé est ouvert"));
      },
      { timeout: 20_000, message: "SMS de création non reçus" },
    )
    .toBe(true);
  const texts = await smsTexts(page);
  expect(texts.join("\n")).toContain(`Identifiant : ${loginId}`);
  expect(texts.join("\n")).toContain("/patient/connexion");

  // …signs in with it (the one-time code follows by SMS), and must choose her own password first.
  const before = texts.length;
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(loginId);
  await page.getByLabel("Mot de passe").fill(secret);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();
  const codePage = await page.context().newPage();
  let code = "";
  await expect
    .poll(
      async () => {
        const all = await smsTexts(codePage);
        code = all.length > before ? (/\b(\d{6})\b/.exec(all[0] ?? "")?.[1] ?? "") : "";
        return code;
      },
      { timeout: 20_000, message: "aucun code à usage unique reçu" },
    )
    .not.toBe("");
  await codePage.close();
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Choisissez votre mot de passe personnel" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Nouveau mot de passe").fill("Elodie-Marchal-2026!");
  await page.getByLabel("Confirmer le mot de passe").fill("Elodie-Marchal-2026!");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `DMP ${ofName(name)}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
