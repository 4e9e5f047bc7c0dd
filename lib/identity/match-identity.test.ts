import { describe, expect, it } from "vitest";
import { matchIdentity } from "./match-identity";

const record = { nir: "206127511100564", birthDate: "2006-12-03", birthRank: 1 };

describe("matchIdentity", () => {
  it("matches the same traits, spaces in the NIR ignored", () => {
    expect(matchIdentity({ ...record, nir: "2 06 12 75 111 005 64" }, record)).toEqual({ outcome: "MATCH", differences: [] });
  });

  it("names every trait that differs", () => {
    expect(matchIdentity({ ...record, birthRank: 2 }, record)).toEqual({ outcome: "MISMATCH", differences: ["birthRank"] });
    expect(matchIdentity({ nir: "180017505600103", birthDate: "1980-01-05", birthRank: 2 }, record)).toEqual({
      outcome: "MISMATCH",
      differences: ["nir", "birthDate", "birthRank"],
    });
  });

  it("tells twins sharing a parent's NIR apart by rank", () => {
    const twin1 = { nir: "180017505600103", birthDate: "2019-03-08", birthRank: 1 };
    const twin2 = { ...twin1, birthRank: 2 };
    expect(matchIdentity(twin1, twin2).outcome).toBe("MISMATCH");
    expect(matchIdentity(twin2, twin2).outcome).toBe("MATCH");
  });
});
