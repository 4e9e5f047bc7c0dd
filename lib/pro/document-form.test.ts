import { describe, expect, it } from "vitest";
import { authorableTypeOptions } from "./document-form";
import { authorableTypes } from "@/lib/reference/authorable-types";

describe("authorableTypeOptions: the deck's priority types of the profession come first", () => {
  it("a general practitioner is offered the VSM (60591-5) first, then the other types in their order", () => {
    const options = authorableTypeOptions("10", "SM54");
    expect(options[0]).toMatchObject({ code: "60591-5", isPriority: true });
    expect(options.filter((o) => o.isPriority).map((o) => o.code)).toEqual(["60591-5"]);
    const rest = authorableTypes("10", "SM54").filter((c) => c !== "60591-5");
    expect(options.slice(1).map((o) => o.code)).toEqual(rest);
  });

  it("a nurse gets the nursing assessment first; the list is exactly the types the profession may author", () => {
    const options = authorableTypeOptions("60", null);
    expect(options[0]).toMatchObject({ code: "11506-3", isPriority: true });
    expect([...options.map((o) => o.code)].sort()).toEqual([...authorableTypes("60", null)].sort());
  });

  it("a priority type the profession may not author is not added", () => {
    for (const [profession, specialty] of [["10", "SM04"], ["21", null], ["70", null], [null, null]] as const) {
      const allowed = authorableTypes(profession, specialty);
      expect(authorableTypeOptions(profession, specialty).every((o) => allowed.includes(o.code))).toBe(true);
    }
  });
});
