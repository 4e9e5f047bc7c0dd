import { describe, expect, it } from "vitest";
import { recordAccessText } from "./record-access-text";

describe("recordAccessText", () => {
  it("names the rule of a normal access, without any end", () => {
    expect(recordAccessText({ mode: "NORMAL", description: "Médecin traitant" }, new Date("2026-12-05T13:05:00Z"))).toBe("Accès : Médecin traitant");
  });

  it("says a break-the-glass access and its end, in Paris time", () => {
    expect(recordAccessText({ mode: "BREAK_GLASS", description: "Bris de glace" }, new Date("2026-12-05T13:05:00Z"))).toBe("Accès en urgence (bris de glace) jusqu'à 14 h 05");
    expect(recordAccessText({ mode: "BREAK_GLASS", description: "Bris de glace" }, new Date("2026-07-01T07:30:00Z"))).toBe("Accès en urgence (bris de glace) jusqu'à 09 h 30");
  });

  it("says the SAMU regulation and its end; no end when it is not known (a sub-page)", () => {
    expect(recordAccessText({ mode: "SAMU", description: "Régulation SAMU-Centre 15" }, new Date("2026-12-05T22:45:00Z"))).toBe("Accès : Régulation SAMU-Centre 15 jusqu'à 23 h 45");
    expect(recordAccessText({ mode: "SAMU", description: "Régulation SAMU-Centre 15" }, null)).toBe("Accès : Régulation SAMU-Centre 15");
  });
});
