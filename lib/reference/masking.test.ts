import { describe, expect, it } from "vitest";
import { flagsFromMaskingCodes, maskingCodesFromFlags, maskingLabels, securityCodings } from "./masking";

const none = { hiddenFromPros: false, hiddenFromPatient: false, hiddenFromLegalReps: false };

describe("masking codes", () => {
  it("converts flags to codes and back", () => {
    const flags = { hiddenFromPros: true, hiddenFromPatient: false, hiddenFromLegalReps: true };
    const codes = maskingCodesFromFlags(flags);
    expect(codes).toEqual(["MASQUE_PS", "INVISIBLE_REPRESENTANTS_LEGAUX"]);
    expect(flagsFromMaskingCodes(codes)).toEqual({ ...flags, unknown: [] });
    expect(maskingCodesFromFlags(none)).toEqual([]);
  });

  it("skips N/R/V and reports unknown codes", () => {
    expect(flagsFromMaskingCodes(["R", "INVISIBLE_PATIENT", "SECRET"])).toEqual({
      hiddenFromPros: false,
      hiddenFromPatient: true,
      hiddenFromLegalReps: false,
      unknown: ["SECRET"],
    });
  });

  it("labels in French", () => {
    expect(maskingLabels(none)).toEqual(["Non masqué"]);
    expect(maskingLabels({ ...none, hiddenFromPros: true, hiddenFromPatient: true })).toEqual([
      "Masqué aux PS",
      "Invisible au patient",
    ]);
    expect(maskingLabels({ ...none, hiddenFromLegalReps: true })).toEqual(["Invisible aux représentants légaux"]);
  });

  it("builds security codings with their systems", () => {
    const codings = securityCodings("V", { ...none, hiddenFromPatient: true });
    expect(codings).toEqual([
      { system: "2.16.840.1.113883.5.25", code: "V", display: "Très restreint" },
      { system: "1.2.250.1.213.1.1.4.13", code: "INVISIBLE_PATIENT", display: "Non visible par le patient" },
    ]);
  });
});
