import { describe, expect, it } from "vitest";
import { createRandom, mulberry32, seedFromString } from "./prng";

describe("mulberry32", () => {
  it("is repeatable for a seed and differs between seeds", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
  });

  it("stays in [0, 1)", () => {
    const r = mulberry32(1);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});

describe("createRandom", () => {
  it("seeds from strings", () => {
    expect(seedFromString("jean.martin")).toBe(seedFromString("jean.martin"));
    expect(createRandom("x").int(1, 1000)).toBe(createRandom("x").int(1, 1000));
  });

  it("int covers both bounds", () => {
    const r = createRandom(7);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it("sample returns distinct items", () => {
    const r = createRandom(9);
    const s = r.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(s).size).toBe(3);
    expect(() => r.pick([])).toThrow();
  });
});
