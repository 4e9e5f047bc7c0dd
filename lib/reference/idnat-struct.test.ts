import { describe, expect, it } from "vitest";
import { parseStructureIdNat, structureIdNat } from "./idnat-struct";

describe("IdNat_Struct (TRE_G07)", () => {
  it("writes '1' + FINESS and reads it back, as the bare FINESS", () => {
    expect(structureIdNat("750000019")).toBe("1750000019");
    expect(parseStructureIdNat("1750000019")).toEqual({ ok: true, finess: "750000019" });
    expect(parseStructureIdNat(" 750000019 ")).toEqual({ ok: true, finess: "750000019" });
    expect(parseStructureIdNat("12A0000019")).toEqual({ ok: true, finess: "2A0000019" });
  });

  it("refuses '3' + FINESS (3 is SIRET) and says which form to send", () => {
    const read = parseStructureIdNat("3750000019");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/« 1 » \+ FINESS/);
  });

  it("recognises '3' + SIRET but cannot place it: the simulator's structures have no SIRET", () => {
    const read = parseStructureIdNat("312345678901234");
    expect(!read.ok && read.reason).toMatch(/SIRET est un IdNat_Struct valide/);
  });

  it("refuses anything else", () => {
    for (const value of ["", "1", "17500001", "9750000019", "1750000019X", undefined]) expect(parseStructureIdNat(value).ok).toBe(false);
  });
});
