import { describe, expect, it } from "vitest";
import { DEPARTMENT_CODES, departmentLabel, departmentName, isKnownDepartment } from "./departments";

describe("departments", () => {
  it("covers metropolitan France with Corsica split in two", () => {
    // 95 numbers minus "20" plus 2A and 2B = 96 metropolitan départements.
    expect(DEPARTMENT_CODES.filter((c) => c.length === 2)).toHaveLength(96);
    expect(isKnownDepartment("20")).toBe(false);
    expect(departmentName("2A")).toBe("Corse-du-Sud");
  });

  it("labels a département", () => {
    expect(departmentLabel("93")).toBe("Seine-Saint-Denis (93)");
    expect(departmentLabel("00")).toBe("00");
  });
});
