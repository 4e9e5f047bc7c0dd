import { describe, expect, it } from "vitest";
import { INS_NIR_OID, INS_NIR_TEST_OID, formatIns, insIdentifier, parseInsCx } from "./ins";

describe("INS", () => {
  it("uses the real and test OIDs", () => {
    expect(INS_NIR_OID).toBe("1.2.250.1.213.1.4.8");
    expect(INS_NIR_TEST_OID).toBe("1.2.250.1.213.1.4.10");
  });

  it("formats as CX and reads it back", () => {
    const cx = formatIns("2 06 12 75 111 005 64");
    expect(cx).toBe("206127511100564^^^&1.2.250.1.213.1.4.8&ISO^NH");
    expect(parseInsCx(cx)).toEqual({ nir: "206127511100564", isTest: false });
    expect(parseInsCx(formatIns("206127511100564", true))).toEqual({ nir: "206127511100564", isTest: true });
    expect(parseInsCx("206127511100564^^^&1.2.3&ISO")).toBeUndefined();
    expect(parseInsCx("n'importe quoi")).toBeUndefined();
  });

  it("builds a FHIR identifier", () => {
    expect(insIdentifier("206127511100564", true)).toEqual({
      system: "urn:oid:1.2.250.1.213.1.4.10",
      value: "206127511100564",
    });
  });
});
