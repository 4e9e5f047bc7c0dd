import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cookiesAreSecure, isServedOverHttps } from "./security-headers";

describe("security headers", () => {
  it("lets only this site's scripts carrying the request's nonce run, and nothing frame the site", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", https: false, dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades requests only over HTTPS", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true, dev: false })).toContain("upgrade-insecure-requests");
  });

  it("knows HTTPS from the public address or the request", () => {
    expect(isServedOverHttps("http:", { NEXTAUTH_URL: "https://dmp.example" })).toBe(true);
    expect(isServedOverHttps("https:", {})).toBe(true);
    expect(isServedOverHttps("http:", { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("cookiesAreSecure", () => {
  it("marks cookies Secure only when the public address is HTTPS", () => {
    expect(cookiesAreSecure({ NEXTAUTH_URL: "https://dmp.example" })).toBe(true);
    expect(cookiesAreSecure({ NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(cookiesAreSecure({})).toBe(false);
  });
});
