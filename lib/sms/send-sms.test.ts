import { describe, expect, it } from "vitest";
import { normalizePhone } from "./send-sms";

describe("normalizePhone", () => {
  it("accepts French mobile numbers in usual forms", () => {
    expect(normalizePhone("06 12 34 56 78")).toBe("+33612345678");
    expect(normalizePhone("+33712345678")).toBe("+33712345678");
    expect(normalizePhone("0033 6.12.34.56.78")).toBe("+33612345678");
  });
  it("refuses landlines and garbage", () => {
    expect(normalizePhone("01 23 45 67 89")).toBeNull();
    expect(normalizePhone("abc")).toBeNull();
    expect(normalizePhone("0612")).toBeNull();
  });
});
