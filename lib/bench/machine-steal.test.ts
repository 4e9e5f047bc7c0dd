import { describe, expect, it } from "vitest";
import { parseStealTicks, stealPercent } from "./machine-steal";

// A real /proc/stat head: user nice system idle iowait irq softirq steal guest guest_nice.
const PROC_STAT = `cpu  2135132 53995 441991 1689533 19560 0 11107 1390 0 0
cpu0 1067566 26997 220995 844766 9780 0 5553 695 0 0
cpu1 1067566 26998 220996 844767 9780 0 5554 695 0 0
intr 123456 0 0
`;

describe("parseStealTicks", () => {
  it("reads the steal value of the aggregate cpu line, not a single CPU's", () => {
    expect(parseStealTicks(PROC_STAT)).toBe(1390);
  });

  it("is null when the line or the value is missing", () => {
    expect(parseStealTicks("intr 1 2 3\n")).toBeNull();
    expect(parseStealTicks("cpu  1 2 3 4 5 6 7\n")).toBeNull();
  });
});

describe("stealPercent", () => {
  it("is the stolen share of every CPU's time over the run", () => {
    // 2 CPUs for 10 s = 20,000 ms of machine time; 1,500 ms stolen.
    expect(stealPercent(1500, 10, 2)).toBe(7.5);
    expect(stealPercent(0, 10, 2)).toBe(0);
  });

  it("is null when nothing was measured", () => {
    expect(stealPercent(undefined, 10, 2)).toBeNull();
    expect(stealPercent(100, 0, 2)).toBeNull();
  });
});
