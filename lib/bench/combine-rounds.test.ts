import { describe, expect, it } from "vitest";
import type { TLoadResult } from "./load";
import { combineRounds, cpuPerResponse } from "./combine-rounds";

function round(over: Partial<TLoadResult>): TLoadResult {
  return {
    requests: 100, ok: 100, non2xx: 0, errors: 0, timeouts: 0, durationSec: 2, rps: 50, okPerSec: 50,
    p50: 10, p95: 20, p99: 30, mean: 12, max: 40, bytesPerResponse: 1000,
    statusCounts: { "200": 100 }, maxByStatus: { "200": 40 }, clientLagMaxMs: 5, slowerThan2s: 0, maxSentAtSec: 1, ...over,
  };
}

describe("combineRounds", () => {
  it("rates over the whole time, percentiles as the median round, the longest waits of all", () => {
    const slow = round({ requests: 40, ok: 38, non2xx: 2, durationSec: 2, rps: 20, okPerSec: 19, p95: 90, max: 400, statusCounts: { "200": 38, "503": 2 }, maxByStatus: { "200": 300, "503": 400 }, clientLagMaxMs: 30, slowerThan2s: 3, maxSentAtSec: 0.2 });
    const fast = round({ requests: 200, ok: 200, durationSec: 2, rps: 100, okPerSec: 100, p95: 15, statusCounts: { "200": 200 } });
    const combined = combineRounds([round({}), slow, fast], (r) => r.rps);
    expect(combined.requests).toBe(340);
    expect(combined.durationSec).toBe(6);
    expect(combined.rps).toBeCloseTo(340 / 6, 2);
    expect(combined.okPerSec).toBeCloseTo(338 / 6, 2);
    expect(combined.p95).toBe(20);
    expect(combined.max).toBe(400);
    expect(combined.statusCounts).toEqual({ "200": 338, "503": 2 });
    expect(combined.maxByStatus).toEqual({ "200": 300, "503": 400 });
    expect(combined.clientLagMaxMs).toBe(30);
    expect(combined.slowerThan2s).toBe(3);
    // When the slowest answer of all (the slow round's) was sent, in its own round.
    expect(combined.maxSentAtSec).toBe(0.2);
    expect(combined.roundRates).toEqual([50, 20, 100]);
  });

  it("adds up the time stolen by the hypervisor when every round measured it", () => {
    expect(combineRounds([round({ machineStealMs: 120 }), round({ machineStealMs: 30 })], (r) => r.rps).machineStealMs).toBe(150);
    expect(combineRounds([round({ machineStealMs: 120 }), round({})], (r) => r.rps).machineStealMs).toBeUndefined();
  });

  it("adds up the server's CPU time when every round measured it, and divides it by the responses", () => {
    const combined = combineRounds([round({ serverCpuMs: 900 }), round({ requests: 300, serverCpuMs: 2100 })], (r) => r.rps);
    expect(combined.serverCpuMs).toBe(3000);
    expect(cpuPerResponse(combined)).toBe(7.5);
    expect(combineRounds([round({ serverCpuMs: 900 }), round({})], (r) => r.rps).serverCpuMs).toBeUndefined();
    expect(cpuPerResponse(round({}))).toBeNull();
    expect(cpuPerResponse(round({ requests: 0, serverCpuMs: 10 }))).toBeNull();
  });

  it("refuses to combine nothing", () => {
    expect(() => combineRounds([], (r) => r.rps)).toThrow();
  });
});
