import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { buildNir, computeNirKey, formatNir, isValidNir, nirConsistencyIssues, nirSex, parseNir } from "./nir";

function expectInvalidNir(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INVALID_NIR");
    expect((error as AppError).userMessage).toMatch(/NIR/);
    return;
  }
  throw new Error("expected an INVALID_NIR error");
}

describe("computeNirKey", () => {
  it("matches the reference examples", () => {
    expect(computeNirKey("2061275111005")).toBe("64");
    expect(computeNirKey("1800175056001")).toBe("03");
    expect(computeNirKey("2 06 12 75 111 005")).toBe("64");
  });

  it("counts Corsica 2A as 19 and 2B as 18", () => {
    const a = "252122A004012";
    const b = "252122B033012";
    expect(computeNirKey(a)).toBe(String(97n - (2521219004012n % 97n)).padStart(2, "0"));
    expect(computeNirKey(b)).toBe(String(97n - (2521218033012n % 97n)).padStart(2, "0"));
    expect(computeNirKey("252122a004012")).toBe(computeNirKey(a));
  });

  it("rejects malformed input with a typed error", () => {
    expectInvalidNir(() => computeNirKey("206127511100"));
    expectInvalidNir(() => computeNirKey("20612751110AB"));
    expectInvalidNir(() => computeNirKey(""));
    expectInvalidNir(() => computeNirKey("5061275111005"));
  });
});

describe("isValidNir", () => {
  it("accepts valid numbers and refuses the rest without throwing", () => {
    expect(isValidNir("206127511100564")).toBe(true);
    expect(isValidNir("180017505600103")).toBe(true);
    expect(isValidNir("206127511100565")).toBe(false);
    expect(isValidNir("2061275111005")).toBe(false);
    expect(isValidNir("")).toBe(false);
    expect(isValidNir("ABCDEFGHIJKLMNO")).toBe(false);
    expect(isValidNir(undefined as unknown as string)).toBe(false);
    const corsican = `252122A004012${computeNirKey("252122A004012")}`;
    expect(isValidNir(corsican)).toBe(true);
  });
});

describe("parseNir", () => {
  it("accepts spaces and returns 15 characters", () => {
    expect(parseNir("2 06 12 75 111 005 64")).toBe("206127511100564");
    expect(parseNir(" 1 80 01 75 056 001 03 ")).toBe("180017505600103");
    const corsican = `2 52 12 2a 004 012 ${computeNirKey("252122A004012")}`;
    expect(parseNir(corsican)).toBe(`252122A004012${computeNirKey("252122A004012")}`);
  });

  it("throws INVALID_NIR on letters, wrong length, empty input, wrong key", () => {
    expectInvalidNir(() => parseNir("2 06 12 75 111 005 65"));
    expectInvalidNir(() => parseNir("2 06 12 75 111 005"));
    expectInvalidNir(() => parseNir(""));
    expectInvalidNir(() => parseNir("   "));
    expectInvalidNir(() => parseNir("2 06 12 75 1X1 005 64"));
    expectInvalidNir(() => parseNir("2 06 13 75 111 005 64"));
    expectInvalidNir(() => parseNir("2 06 12 75 111 005 6400"));
    expectInvalidNir(() => parseNir(null as unknown as string));
  });
});

describe("formatNir and consistency", () => {
  it("formats with spaces", () => {
    expect(formatNir("206127511100564")).toBe("2 06 12 75 111 005 64");
    expect(formatNir("2061275111005")).toBe("2 06 12 75 111 005");
  });

  it("reads the sex and checks it against the person", () => {
    expect(nirSex("206127511100564")).toBe("F");
    expect(nirSex("180017505600103")).toBe("M");
    expect(nirConsistencyIssues("206127511100564", { sex: "F", birthDate: "2006-12-03" })).toEqual([]);
    expect(nirConsistencyIssues("206127511100564", { sex: "M", birthDate: "2007-11-03" })).toEqual([
      "SEX",
      "BIRTH_YEAR",
      "BIRTH_MONTH",
    ]);
    expect(nirConsistencyIssues("206127511100564", { sex: "F", birthDate: "bad" })).toEqual(["BIRTH_YEAR", "BIRTH_MONTH"]);
  });

  it("builds valid numbers", () => {
    const nir = buildNir({ sex: "M", birthDate: "1958-03-14", place: "93045", order: 27 });
    expect(nir.slice(0, 13)).toBe("1580393045027");
    expect(isValidNir(nir)).toBe(true);
    expect(isValidNir(buildNir({ sex: "F", birthDate: "1952-12-01", place: "2A004", order: 12 }))).toBe(true);
  });
});
