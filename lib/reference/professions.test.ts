import { describe, expect, it } from "vitest";
import {
  PROFESSION_CODES,
  authorSpecialtyCode,
  parseAuthorSpecialtyCode,
  professionLabel,
  professionWithSpecialtyLabel,
  specialtyLabel,
} from "./professions";

describe("professions", () => {
  it("lists the twelve TRE_G15 professions of the reference", () => {
    expect(PROFESSION_CODES).toEqual(["10", "21", "40", "50", "60", "70", "80", "91", "92", "94", "95", "98"]);
  });

  it("labels professions and specialties in French", () => {
    expect(professionLabel("10")).toBe("Médecin");
    expect(professionLabel("50")).toBe("Sage-femme");
    expect(professionLabel(null)).toBe("Personnel d'établissement");
    expect(professionLabel("99")).toBe("99");
    expect(specialtyLabel("SM04")).toBe("Cardiologie");
    expect(specialtyLabel(null)).toBeNull();
    expect(professionWithSpecialtyLabel("10", "SM59")).toBe("Médecin – Médecine d'urgence");
    expect(professionWithSpecialtyLabel("60", null)).toBe("Infirmier");
  });

  it("writes and reads the author specialty code", () => {
    expect(authorSpecialtyCode("10", "SM53")).toBe("G15_10/SM53");
    expect(authorSpecialtyCode("60", null)).toBe("G15_60");
    expect(parseAuthorSpecialtyCode("G15_10/SM53")).toEqual({ profession: "10", specialty: "SM53" });
    expect(parseAuthorSpecialtyCode("G15_60")).toEqual({ profession: "60", specialty: null });
    expect(parseAuthorSpecialtyCode("10/SM53")).toBeUndefined();
  });
});
