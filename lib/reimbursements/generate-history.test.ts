import { describe, expect, it } from "vitest";
import { ean13 } from "./catalog";
import { CARE_PROFILES, careProfileFor, generateMonth, generateReimbursementHistory, statementStart, type TCareProfile } from "./generate-history";
import { impliedAlds } from "./implied-ald";

const ADULT = "1960-03-14";
const history = (seedKey: string, profile: TCareProfile, through = "2026-11-26", after: string | null = null, birthDate = ADULT) =>
  generateReimbursementHistory({ seedKey, profile, birthDate, after, through });

describe("statementStart: the statement's 24 rolling months", () => {
  it("starts the same day 24 months before, clipped to the month's length", () => {
    expect(statementStart("2018-04-04")).toBe("2016-04-04");
    expect(statementStart("2026-02-28")).toBe("2024-02-28");
    expect(statementStart("2026-03-31")).toBe("2024-03-31");
    expect(statementStart("2026-11-26", 9)).toBe("2026-02-26");
  });
});

describe("generateReimbursementHistory", () => {
  it("is the same for the same patient, another for another", () => {
    expect(history("a", "DIABETES")).toEqual(history("a", "DIABETES"));
    expect(history("a", "DIABETES")).not.toEqual(history("b", "DIABETES"));
  });

  it("stays within the 24 months, sorted by date", () => {
    for (const profile of CARE_PROFILES) {
      const dates = history(`k-${profile}`, profile).map((l) => l.date);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.every((d) => d >= "2024-11-26" && d <= "2026-11-26")).toBe(true);
    }
  });

  it("a month is the same whenever it is generated: the months that pass add lines, never change the old ones", () => {
    const before = history("p", "CANCER", "2026-11-26");
    const later = history("p", "CANCER", "2027-01-10");
    const common = (lines: typeof before) => lines.filter((l) => l.date >= "2025-01-10" && l.date <= "2026-11-26");
    expect(common(later)).toEqual(common(before));
    // What the job loads next (after the last load) is exactly the new days.
    const added = history("p", "CANCER", "2027-01-10", "2026-11-26");
    expect(added.every((l) => l.date > "2026-11-26")).toBe(true);
    expect([...common(before), ...added]).toEqual(later.filter((l) => l.date >= "2025-01-10"));
  });

  it("nothing before birth, and a child follows the general profile", () => {
    const child = history("child", "CANCER", "2026-11-26", null, "2025-06-01");
    expect(child.every((l) => l.date >= "2025-06-01")).toBe(true);
    expect(child.some((l) => l.category === "HOSPITAL_STAY" && l.actCode === "28Z07Z")).toBe(false);
  });

  it("writes the statement's columns: ingredients for medicines, stays with their length, CCAM or NGAP codes, « H » lines, returns as -1", () => {
    const all = Array.from({ length: 40 }, (_, i) => history(`patient-${i}`, CARE_PROFILES[i % CARE_PROFILES.length] as TCareProfile)).flat();
    expect(new Set(all.map((l) => l.category))).toEqual(new Set(["PHARMACY", "HOSPITAL_STAY", "CARE", "RADIOLOGY"]));
    for (const l of all) {
      expect(l).not.toHaveProperty("amountCents");
      if (l.category === "PHARMACY") {
        expect(l.quantity).not.toBe(0);
        expect(l.specialty).toBeNull();
        if (l.actCode.length === 13) expect(ean13(l.actCode.slice(0, 12))).toBe(l.actCode);
      } else expect(l.quantity).toBe(1);
      if (l.category === "HOSPITAL_STAY") {
        expect(l.stayDays).toBeGreaterThanOrEqual(1);
        expect(l.deliveredInHospital).toBe(true);
      }
      if (l.category === "CARE" || l.category === "RADIOLOGY") {
        expect(l.actCode).toMatch(/^([A-Z]{4}\d{3}|[A-Z]{1,3})$/);
        expect(l.specialty).toMatch(/^[A-Z -]+$/);
      }
    }
    expect(all.some((l) => l.label === "ASPEGIC 1G AD PDR ORALE SACHET" && l.activeIngredients === "ACETYLSALICYLATE DL LYSINE")).toBe(true);
    expect(all.some((l) => l.category === "PHARMACY" && l.activeIngredients === null)).toBe(true);
    expect(all.some((l) => l.category === "PHARMACY" && l.quantity < 0)).toBe(true);
    expect(all.some((l) => l.category === "PHARMACY" && l.deliveredInHospital)).toBe(true);
    expect(all.some((l) => l.category === "CARE" && l.deliveredInHospital)).toBe(true);
    expect(all.some((l) => l.actCode === "AMI" && l.specialty === "INFIRMIER")).toBe(true);
    expect(all.some((l) => /^[A-Z]{4}\d{3}$/.test(l.actCode) && l.category === "CARE")).toBe(true);
  });

  it("a generated month holds only days of that month", () => {
    const lines = generateMonth("m", "DIABETES", ADULT, 2026, 1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.date.startsWith("2026-02-") && Number(l.date.slice(8)) <= 28)).toBe(true);
  });
});

describe("careProfileFor and impliedAlds: the ALD shows where the data implies it", () => {
  it("a stored profile wins; otherwise one is drawn from the patient, always the same", () => {
    expect(careProfileFor("x", "CANCER")).toBe("CANCER");
    expect(careProfileFor("x", "NONSENSE")).toBe(careProfileFor("x", null));
    const drawn = new Set(Array.from({ length: 200 }, (_, i) => careProfileFor(`p${i}`, null)));
    expect(drawn).toEqual(new Set(CARE_PROFILES));
  });

  it("each long-term profile implies its ALD, the general profile none", () => {
    expect(impliedAlds(history("d", "DIABETES"))).toEqual(["ALD n° 8 — Diabète de type 1 et diabète de type 2"]);
    expect(impliedAlds(history("h", "HEART_FAILURE"))).toEqual(["ALD n° 5 — Insuffisance cardiaque grave, troubles du rythme graves"]);
    expect(impliedAlds(history("c", "CANCER"))).toEqual(["ALD n° 30 — Tumeur maligne"]);
    for (let i = 0; i < 10; i++) expect(impliedAlds(history(`g${i}`, "GENERAL"))).toEqual([]);
  });

  it("one line implies nothing; returns do not count", () => {
    const metformin = history("d", "DIABETES").find((l) => l.label.startsWith("METFORMINE"))!;
    expect(impliedAlds([metformin])).toEqual([]);
    expect(impliedAlds([metformin, metformin, { ...metformin, quantity: -1 }])).toEqual([]);
    expect(impliedAlds([metformin, metformin, metformin])).toHaveLength(1);
  });
});
