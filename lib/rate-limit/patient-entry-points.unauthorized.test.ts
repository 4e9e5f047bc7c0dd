/**
 * The patient portal's sign-in, code and password-reset actions count their attempts on a
 * real SQLite database: past the allowance the form answers the French message and the
 * sign-in itself is not even tried (nothing is checked, no code is sent).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { RATE_LIMITS } from "./rate-limits";

vi.mock("@/lib/http/request-ip", () => ({ requestIp: async () => "198.51.100.23" }));
vi.mock("@/lib/rate-limit/pending-account", () => ({ pendingChallengeAccount: async () => "compte-en-attente" }));
const flows = vi.hoisted(() => ({
  beginPatientSignIn: vi.fn(async () => ({ ok: false as const, message: "Identifiant ou mot de passe incorrect." })),
  finishPatientSignIn: vi.fn(async () => ({ ok: false as const, message: "Code incorrect." })),
  resendSignInCode: vi.fn(async () => true),
  beginPasswordReset: vi.fn(async () => undefined),
  finishPasswordReset: vi.fn(async () => ({ ok: false as const, message: "Code incorrect.", fieldErrors: {} })),
  PENDING_LOGIN_COOKIE: "pending-login",
  PENDING_RESET_COOKIE: "pending-reset",
}));
vi.mock("@/lib/auth/patient/flows", () => flows);

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", db.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.cleanup();
});

const MESSAGE = /^Trop de tentatives\. Par sécurité, réessayez dans \d+ minutes?\.$/;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Runs a Next redirect() as a value instead of an exception. */
async function settle<T>(run: () => Promise<T>): Promise<T | "redirect"> {
  try {
    return await run();
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return "redirect";
    throw error;
  }
}

describe("unauthorized access: rate limits on the patient sign-in", () => {
  it("refuses the sign-in past the identifier's allowance, without trying the password", { timeout: 120_000 }, async () => {
    const { signInAction } = await import("@/app/patient/connexion/actions");
    const attempt = () => signInAction({}, form({ loginId: "jean.martin", password: "mauvais" }));
    for (let i = 0; i < RATE_LIMITS.patientSignIn.perAccount; i++) expect((await attempt()).message).toBe("Identifiant ou mot de passe incorrect.");
    expect((await attempt()).message).toMatch(MESSAGE);
    expect(flows.beginPatientSignIn).toHaveBeenCalledTimes(RATE_LIMITS.patientSignIn.perAccount);
  });

  it("refuses a new code past the account's allowance, without sending one", { timeout: 120_000 }, async () => {
    const { resendCodeAction } = await import("@/app/patient/connexion/actions");
    for (let i = 0; i < RATE_LIMITS.codeResend.perAccount; i++) expect((await resendCodeAction({})).success).toBe(true);
    const refused = await resendCodeAction({});
    expect(refused.message).toMatch(MESSAGE);
    expect(flows.resendSignInCode).toHaveBeenCalledTimes(RATE_LIMITS.codeResend.perAccount);
  });

  it("refuses a password reset past the identifier's allowance, without sending a code", { timeout: 120_000 }, async () => {
    const { requestResetAction } = await import("@/app/patient/mot-de-passe-oublie/actions");
    const attempt = () => settle(() => requestResetAction({}, form({ loginId: "claire.durand" })));
    for (let i = 0; i < RATE_LIMITS.passwordReset.perAccount; i++) expect(await attempt()).toBe("redirect");
    const refused = await attempt();
    expect(refused !== "redirect" && refused.message).toMatch(MESSAGE);
    expect(flows.beginPasswordReset).toHaveBeenCalledTimes(RATE_LIMITS.passwordReset.perAccount);
  });
});
