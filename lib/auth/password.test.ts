import { describe, expect, it } from "vitest";
import { hashPassword, passwordPolicyErrors, verifyPassword } from "./password";

describe("hashPassword / verifyPassword", () => {
  it("round-trips and refuses a wrong password", async () => {
    const stored = await hashPassword("Demo-DMP-2026!");
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword("Demo-DMP-2026!", stored)).toBe(true);
    expect(await verifyPassword("demo-DMP-2026!", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("Même-mot-2026!"), hashPassword("Même-mot-2026!")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("Même-mot-2026!", a)).toBe(true);
  });

  it("returns false on malformed hashes instead of throwing", async () => {
    for (const stored of ["", "plain", "scrypt$1$2$3", "bcrypt$16384$8$1$AAAA$AAAA", "scrypt$abc$8$1$AAAA$AAAA", "scrypt$16384$8$1$$", "scrypt$99999999$8$1$AAAA$AAAA"]) {
      expect(await verifyPassword("x", stored)).toBe(false);
    }
  });
});

describe("passwordPolicyErrors", () => {
  it("accepts a strong password", () => {
    expect(passwordPolicyErrors("Demo-DMP-2026!")).toEqual([]);
    expect(passwordPolicyErrors("Éléphant-rose-42")).toEqual([]);
  });

  it("lists every missing rule in French", () => {
    expect(passwordPolicyErrors("abc")).toEqual([
      "Au moins 12 caractères.",
      "Au moins une lettre majuscule.",
      "Au moins un chiffre.",
      "Au moins un caractère spécial (par exemple ! ? @ # - _).",
    ]);
    expect(passwordPolicyErrors("ABCDEFGHIJKL1!")).toEqual(["Au moins une lettre minuscule."]);
  });
});
