import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../fixtures/a11y";
import { signInAs } from "./pro-helpers";

test.setTimeout(90_000);

/** What someone holding the database file could do: drop the guard, then edit a trace. */
async function editTraceBehindTheApplication(): Promise<number> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database((process.env.DATABASE_URL ?? "").replace(/^file:/, ""), { fileMustExist: true, timeout: 5000 });
  try {
    const { id } = db.prepare("SELECT id FROM Trace WHERE patientId IS NOT NULL ORDER BY id LIMIT 1").get() as { id: number };
    db.exec(`DROP TRIGGER IF EXISTS "Trace_no_update"`);
    db.prepare("UPDATE Trace SET actorName = 'Quelqu''un d''autre' WHERE id = ?").run(id);
    return id;
  } finally {
    db.close();
  }
}

test("l'opérateur vérifie l'intégrité des traces et voit le premier maillon rompu d'une trace modifiée", async ({ page }) => {
  await signInAs(page, "Dr Éric Vidal");
  await page.getByRole("link", { name: "Espace opérateur" }).click();
  await page.getByRole("link", { name: "Vérifier l'intégrité des traces (chaînes et sceaux)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Intégrité des traces" })).toBeVisible();
  await page.getByRole("button", { name: "Vérifier toutes les chaînes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Toutes les chaînes sont intactes" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const traceId = await editTraceBehindTheApplication();
  await page.getByRole("button", { name: "Vérifier à nouveau" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 chaîne(s) en défaut" })).toBeVisible();
  const table = page.getByRole("table", { name: "Chaînes en défaut" });
  await expect(table.getByText(`n° ${traceId} (1re de la chaîne)`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
