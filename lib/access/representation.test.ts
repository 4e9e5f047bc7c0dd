/** When a legal representation ends: the 18th birthday, in France, as a literal table. */
import { describe, expect, it } from "vitest";
import { adulthoodCutoff, isRepresentationInForce, splitRepresentations } from "./representation";

/** [birth date, instant, representation in force?] */
const CASES: [string, string, boolean][] = [
  ["2008-06-15", "2026-06-14T12:00:00Z", true],
  ["2008-06-15", "2026-06-14T21:59:59Z", true], // 23:59:59 in Paris (summer time)
  ["2008-06-15", "2026-06-14T22:00:00Z", false], // midnight in Paris: 18 years old
  ["2008-06-15", "2026-06-15T12:00:00Z", false],
  ["2008-06-15", "2031-01-01T12:00:00Z", false],
  ["2011-05-10", "2026-12-04T12:00:00Z", true],
  ["2025-09-15", "2026-12-04T12:00:00Z", true],
  ["2008-12-31", "2026-12-30T23:30:00Z", false], // 00:30 on 31 December in Paris (winter time) is the birthday
  ["2008-12-31", "2026-12-30T22:59:00Z", true],
  ["2008-12-31", "2026-12-30T23:00:00Z", false],
  ["2008-02-29", "2026-02-28T12:00:00Z", true], // born on 29 February: adult on 1 March in a common year
  ["2008-02-29", "2026-03-01T12:00:00Z", false],
  ["1983-09-02", "2026-12-04T12:00:00Z", false],
];

describe("legal representation ends at 18", () => {
  for (const [birthDate, at, isInForce] of CASES) {
    it(`né(e) le ${birthDate}, le ${at} : ${isInForce ? "représentation en cours" : "majeur(e), représentation terminée"}`, () => {
      expect(isRepresentationInForce(birthDate, new Date(at))).toBe(isInForce);
    });
  }

  it("the cutoff is the Paris day eighteen years back", () => {
    expect(adulthoodCutoff(new Date("2026-12-04T12:00:00Z"))).toBe("2008-12-04");
  });

  it("splits an account's representations into minors and young adults", () => {
    const people = [
      { patientId: "a", birthDate: "2011-05-10" },
      { patientId: "b", birthDate: "2008-12-04" },
    ];
    expect(splitRepresentations(people, new Date("2026-12-04T12:00:00Z"))).toEqual({ minors: [people[0]], cameOfAge: [people[1]] });
  });
});
