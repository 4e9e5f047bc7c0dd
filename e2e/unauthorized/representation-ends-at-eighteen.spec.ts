import { randomUUID } from "node:crypto";
import { expect, fullName, signInAsPatient, test } from "../fixtures/dmp";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";

test.describe.configure({ timeout: 90_000 });

/** Prisma's DateTime text format with the SQLite adapter. */
const dateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/**
 * Makes `patientId` a young adult who turned 18 three days ago and gives them to the
 * representative's account as a second child, straight in the e2e database: the minor
 * factory makes only minors, and the sandbox has no clock to let one grow up yet.
 */
async function turnEighteenUnder(accountId: string, patientId: string): Promise<void> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""), { fileMustExist: true, timeout: 5000 });
  try {
    const now = new Date();
    const born = new Date(Date.UTC(now.getUTCFullYear() - 18, now.getUTCMonth(), now.getUTCDate() - 3)).toISOString().slice(0, 10);
    db.transaction(() => {
      db.prepare(`UPDATE "Patient" SET birthDate = ? WHERE id = ?`).run(born, patientId);
      db.prepare(`INSERT INTO "LegalRepresentation" (id, accountId, patientId, relationship, createdAt) VALUES (?, ?, ?, 'Mère', ?)`).run(
        `e2e-${randomUUID()}`,
        accountId,
        patientId,
        dateTime(now),
      );
    })();
  } finally {
    db.close();
  }
}

test("à 18 ans la représentation prend fin : la mère n'a plus le dossier dans sa liste et apprend comment sa fille ouvre son propre accès", async ({ page, dmp }) => {
  const pediatrician = await dmp.professional({ firstName: "Amélie", specialty: "SM40" });
  // A mother and her younger daughter, then her elder daughter, 17 when her record was opened.
  const { minor: younger, representative: mother } = await dmp.minor(pediatrician, { firstName: "Chloé", sex: "F", representative: { firstName: "Sophie", relationship: "Mère" } });
  const eighteenYearsAgo = new Date();
  eighteenYearsAgo.setUTCFullYear(eighteenYearsAgo.getUTCFullYear() - 18);
  eighteenYearsAgo.setUTCDate(eighteenYearsAgo.getUTCDate() + 10);
  const { minor: elder } = await dmp.minor(pediatrician, { firstName: "Jade", lastName: younger.lastName, sex: "F", birthDate: eighteenYearsAgo.toISOString().slice(0, 10) });
  if (!mother.accountId) throw new Error("bac à sable : compte du représentant manquant");
  await turnEighteenUnder(mother.accountId, elder.patientId);
  const name = fullName(elder);

  await signInAsPatient(page, dmp, mother);
  await expect(page.getByText(`${name} est majeur(e)`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Ouvrir mon DMP" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/patient/choisir-dossier");
  await expect(page.getByRole("button", { name: `Ouvrir le dossier de ${fullName(younger)}` })).toBeVisible();
  await expect(page.getByRole("button", { name: `Ouvrir le dossier de ${name}` })).toHaveCount(0);
  await expect(page.getByText(`${name} est majeur(e)`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
