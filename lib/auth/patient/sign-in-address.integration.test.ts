/**
 * The address a patient sign-in attempt keeps is the one our trusted proxy reports, never
 * what the client wrote in X-Forwarded-For or X-Real-IP (it used to keep the header's first
 * entry as sent).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";

const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => incoming.headers, cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }) }));

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ name: "sign-in-address" });
  vi.stubEnv("DATABASE_URL", db.url);
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.stubEnv("DATABASE_URL", db.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.cleanup();
});

async function lastAttemptAddress(loginId: string): Promise<string | null | undefined> {
  const attempt = await db.prisma.loginAttempt.findFirst({ where: { subject: loginId }, orderBy: { at: "desc" } });
  return attempt === null ? undefined : attempt.ipAddress;
}

describe("the address of a patient sign-in attempt", () => {
  it("is not the one the client forged, without a trusted proxy", async () => {
    const { beginPatientSignIn } = await import("./flows");
    incoming.headers = new Headers({ "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67" });
    expect((await beginPatientSignIn({ loginId: "inconnu.forge", password: "mauvais" })).ok).toBe(false);
    expect(await lastAttemptAddress("inconnu.forge")).toBeNull();
  });

  it("is the one the trusted proxy appended, not the client's own entry before it", async () => {
    vi.stubEnv("TRUSTED_PROXIES", "10.0.0.2");
    const { beginPatientSignIn } = await import("./flows");
    incoming.headers = new Headers({ "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.2" });
    expect((await beginPatientSignIn({ loginId: "inconnu.mandataire", password: "mauvais" })).ok).toBe(false);
    expect(await lastAttemptAddress("inconnu.mandataire")).toBe("198.51.100.7");
  });
});
