import { expect, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Demo-DMP-2026!";

/** Demo contacts (prisma/seed/patients.ts): <login>@demo-patient.fr, +3361234<suffix>. */
export const demoEmail = (loginId: string) => `${loginId}@demo-patient.fr`;

/**
 * Reads one-time codes the way a person would: from the development inbox (/dev/mails)
 * or SMS outbox (/dev/sms), newest first. `mark()` before the action that sends a code,
 * then `next()` waits for a message newer than the mark and returns its code.
 */
export function codeReader(context: BrowserContext, recipient: string) {
  const path = recipient.includes("@") ? "/dev/mails" : "/dev/sms";
  let seen = 0;
  async function messages(): Promise<{ count: number; code: string | null; page: Page }> {
    const page = await context.newPage();
    await page.goto(`${path}?destinataire=${encodeURIComponent(recipient)}`);
    // Only messages that carry a code: notifications land in the same inbox.
    const articles = page.getByRole("article").filter({ has: page.getByTestId("code") });
    const count = await articles.count();
    const code = count > 0 ? await articles.first().getByTestId("code").textContent() : null;
    return { count, code, page };
  }
  return {
    async mark() {
      const { count, page } = await messages();
      seen = count;
      await page.close();
    },
    async next(): Promise<string> {
      let code: string | null = null;
      await expect
        .poll(
          async () => {
            const m = await messages();
            await m.page.close();
            if (m.count > seen) code = m.code;
            return m.count > seen;
          },
          { timeout: 15_000, message: `aucun nouveau code pour ${recipient}` },
        )
        .toBe(true);
      seen += 1;
      return code as unknown as string;
    },
  };
}

/** Identifier + password, then the code read from the inbox (or SMS outbox). */
export async function signIn(page: Page, loginId: string, recipient: string = demoEmail(loginId), password = DEMO_PASSWORD) {
  const reader = codeReader(page.context(), recipient);
  await reader.mark();
  await page.goto("/patient/connexion");
  await page.getByLabel("Identifiant").fill(loginId);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Saisir le code à usage unique" })).toBeVisible();
  const code = await reader.next();
  await page.getByLabel("Code à usage unique").fill(code);
  await page.getByRole("button", { name: "Valider le code" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/patient/connexion"));
}

export const patientNav = (page: Page) => page.getByRole("navigation", { name: "Espace patient" });

/** Reads the e2e database (DATABASE_URL, set by playwright.config.ts) to find ids to tamper with. */
export async function queryOne<T>(sql: string, ...params: unknown[]): Promise<T> {
  const { default: Database } = await import("better-sqlite3");
  const url = process.env.DATABASE_URL ?? "";
  const db = new Database(url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare(sql).get(...params) as T | undefined;
    if (!row) throw new Error(`Aucune ligne : ${sql}`);
    return row;
  } finally {
    db.close();
  }
}
