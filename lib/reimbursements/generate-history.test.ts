import { describe, expect, it } from "vitest";
import { generateReimbursementHistory } from "./generate-history";

const today = new Date("2026-11-26T10:00:00Z");

function ean13Valid(code: string): boolean {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(code[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10 === Number(code[12]);
}

describe("generateReimbursementHistory", () => {
  it("is repeatable for the same key and day", () => {
    expect(generateReimbursementHistory("jean.martin", today)).toEqual(generateReimbursementHistory("jean.martin", today));
    expect(generateReimbursementHistory("jean.martin", today)).not.toEqual(generateReimbursementHistory("marie.dupont", today));
  });

  it("stays within the window, sorted by date", () => {
    for (const key of ["a", "b", "c", "d", "e"]) {
      const items = generateReimbursementHistory(key, today);
      const dates = items.map((i) => i.date);
      expect([...dates].sort()).toEqual(dates);
      for (const d of dates) {
        expect(d > "2024-11-26").toBe(true);
        expect(d <= "2026-11-26").toBe(true);
        expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    const short = generateReimbursementHistory("a", today, 3);
    expect(short.every((i) => i.date > "2026-08-26")).toBe(true);
  });

  it("produces realistic items across patients", () => {
    const all = Array.from({ length: 60 }, (_, i) => generateReimbursementHistory(`patient-${i}`, today)).flat();
    const categories = new Set(all.map((i) => i.category));
    expect(categories).toEqual(new Set(["PHARMACY", "HOSPITAL_STAY", "CARE", "RADIOLOGY"]));
    expect(all.length / 60).toBeGreaterThan(10);
    for (const i of all) {
      expect(i.amountCents).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(i.amountCents)).toBe(true);
      expect(i.quantity).toBeGreaterThanOrEqual(1);
      if (i.category === "PHARMACY") {
        expect(i.actCode).toMatch(/^34009\d{8}$/);
        expect(ean13Valid(i.actCode)).toBe(true);
      }
      if (i.category === "RADIOLOGY") expect(i.actCode).toMatch(/^[A-Z]{4}\d{3}$/);
      if (i.category === "HOSPITAL_STAY") expect(i.actCode).toMatch(/^GHS \d{4}$/);
    }
    expect(all.some((i) => i.label.startsWith("Doliprane 1000 mg"))).toBe(true);
    expect(all.some((i) => i.actCode === "G" || i.actCode === "GS")).toBe(true);
  });
});
