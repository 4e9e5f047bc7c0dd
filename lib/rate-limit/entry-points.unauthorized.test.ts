/**
 * The rate limits at the public entry points, called as the server calls them, on a real
 * SQLite database: the attempt after the allowance is refused with 429 and the French
 * message, before the card or the assertion is even looked at.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { RATE_LIMITS } from "./rate-limits";

// The client address as a trusted proxy would report it (no request scope in a test).
vi.mock("@/lib/http/request-ip", () => ({ requestIp: async () => "203.0.113.9" }));

let db: TTestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  vi.stubEnv("DATABASE_URL", db.url);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.cleanup();
});

/** An unsigned JWT naming a client: enough to be counted, never accepted. */
function assertionFrom(client: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "ES256" })}.${part({ iss: client, sub: client })}.c2lnbmF0dXJl`;
}

const MESSAGE = /^Trop de tentatives\. Par sécurité, réessayez dans \d+ minutes?\.$/;

describe("unauthorized access: rate limits at the entry points", () => {
  it("the card challenge refuses the attempt after the card's allowance", { timeout: 120_000 }, async () => {
    const { POST } = await import("@/app/api/pro/card-challenge/route");
    const attempt = () =>
      POST(new Request("http://localhost:3000/api/pro/card-challenge", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ serial: "ABCDEF0123456789", pin: "0000", generation: 1, salt: "c2Vs" }) }));
    for (let i = 0; i < RATE_LIMITS.cardChallenge.perAccount; i++) expect((await attempt()).status).not.toBe(429);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(MESSAGE);
  });

  it("the token endpoint refuses the attempt after the client's allowance, in OAuth JSON (RFC 6749 §5.2)", { timeout: 120_000 }, async () => {
    const { POST } = await import("@/app/api/oauth/token/route");
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertionFrom("client-de-test"),
    }).toString();
    const attempt = () => POST(new Request("http://localhost:3000/api/oauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form }));
    for (let i = 0; i < RATE_LIMITS.apiToken.perAccount; i++) expect((await attempt()).status).not.toBe(429);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const body = (await refused.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_request");
    expect(body.error_description).toMatch(MESSAGE);
  });
});
