import { describe, expect, it } from "vitest";
import { hasTwoWords, ZBreakGlassInput } from "./emergency-input";

const declaration = (justification: string) => ({ immediateRisk: true, cannotConsent: true, justification });

describe("break-the-glass justification", () => {
  it("accepts a sentence and refuses text without two words", () => {
    expect(ZBreakGlassInput.safeParse(declaration("Patient inconscient aux urgences, allergies inconnues.")).success).toBe(true);
    const noWords = ZBreakGlassInput.safeParse(declaration("1234567890 1234567890 !!"));
    expect(noWords.success).toBe(false);
    expect(noWords.error?.issues[0]?.message).toBe("La justification doit être une phrase compréhensible.");
  });

  it("refuses a too long justification with the length message only", () => {
    const result = ZBreakGlassInput.safeParse(declaration(`Patient ${"a".repeat(1200)} inconscient`));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual(["La justification ne doit pas dépasser 1 000 caractères."]);
  });

  // The old pattern backtracked cubically: 3,000 characters of this shape held the whole
  // server for seconds. A linear check answers these within the test's default timeout.
  it("answers a hostile justification within the limit at once, with the sentence message", () => {
    const result = ZBreakGlassInput.safeParse(declaration(`aa${" ".repeat(990)}!`));
    expect(result.error?.issues.map((i) => i.message)).toEqual(["La justification doit être une phrase compréhensible."]);
  });

  it("answers a hostile justification of 100,000 characters at once, with the length message", () => {
    const result = ZBreakGlassInput.safeParse(declaration(`aa${" ".repeat(100_000)}!`));
    expect(result.error?.issues.map((i) => i.message)).toEqual(["La justification ne doit pas dépasser 1 000 caractères."]);
  });
});

describe("hasTwoWords", () => {
  it("finds two words of two letters anywhere, across lines", () => {
    expect(hasTwoWords("Patient\ninconscient")).toBe(true);
    expect(hasTwoWords("a b c d 12 34")).toBe(false);
    expect(hasTwoWords("é à ça va")).toBe(true);
  });

  it("answers a million characters of the old pattern's worst case", () => {
    expect(hasTwoWords(`aa${" ".repeat(1_000_000)}!`)).toBe(false);
  });
});
