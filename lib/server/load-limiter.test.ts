import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LoadLimiter, loadLimitsFromEnv, type TAdmission } from "./load-limiter";

const admitted = (a: TAdmission) => {
  if (!a.admitted) throw new Error(`refusé : ${a.reason}`);
  return a;
};

describe("LoadLimiter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("admits up to maxInFlight at once, then queues, then refuses at once when the queue is full", async () => {
    const limiter = new LoadLimiter({ maxInFlight: 2, maxQueued: 1, maxWaitMs: 1000 });
    const first = admitted(await limiter.admit());
    admitted(await limiter.admit());
    const queued = limiter.admit();
    expect(limiter.queued).toBe(1);
    await expect(limiter.admit()).resolves.toEqual({ admitted: false, reason: "queue-full" });
    expect(limiter.shed).toBe(1);

    first.release();
    const third = admitted(await queued);
    expect(limiter.inFlight).toBe(2);
    expect(limiter.queued).toBe(0);
    third.release();
    expect(limiter.inFlight).toBe(1);
  });

  it("serves the queue first come, first served", async () => {
    const limiter = new LoadLimiter({ maxInFlight: 1, maxQueued: 3, maxWaitMs: 1000 });
    const holder = admitted(await limiter.admit());
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) =>
      limiter.admit().then((a) => {
        order.push(n);
        admitted(a).release();
      }),
    );
    holder.release();
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    expect(limiter.inFlight).toBe(0);
  });

  it("refuses a request that waited maxWaitMs, and forgets it", async () => {
    const limiter = new LoadLimiter({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 500 });
    const holder = admitted(await limiter.admit());
    const early = limiter.admit();
    await vi.advanceTimersByTimeAsync(300);
    const late = limiter.admit();
    await vi.advanceTimersByTimeAsync(200);
    await expect(early).resolves.toEqual({ admitted: false, reason: "waited-too-long" });
    expect(limiter.queued).toBe(1);

    holder.release();
    admitted(await late).release();
    expect(limiter.inFlight).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it("a newcomer never overtakes the queue, and a double release frees one slot only", async () => {
    const limiter = new LoadLimiter({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 1000 });
    const a = admitted(await limiter.admit());
    admitted(await limiter.admit());
    const queued = limiter.admit();
    a.release();
    a.release();
    admitted(await queued);
    expect(limiter.inFlight).toBe(2);
    // Slots full, nobody waiting: the next one queues (not admitted past the limit).
    const next = limiter.admit();
    expect(limiter.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(next).resolves.toMatchObject({ admitted: false });
  });

  it("with no queue at all, refuses as soon as every slot is taken", async () => {
    const limiter = new LoadLimiter({ maxInFlight: 1, maxQueued: 0, maxWaitMs: 1000 });
    admitted(await limiter.admit());
    await expect(limiter.admit()).resolves.toEqual({ admitted: false, reason: "queue-full" });
  });
});

describe("loadLimitsFromEnv", () => {
  it("has defaults and reads the three variables", () => {
    expect(loadLimitsFromEnv({})).toEqual({ maxInFlight: 8, maxQueued: 64, maxWaitMs: 500 });
    expect(loadLimitsFromEnv({ DMP_MAX_IN_FLIGHT: "4", DMP_MAX_QUEUED: "0", DMP_MAX_QUEUE_WAIT_MS: "250" })).toEqual({ maxInFlight: 4, maxQueued: 0, maxWaitMs: 250 });
  });

  it("refuses a value that is not a whole number in range, in French", () => {
    expect(() => loadLimitsFromEnv({ DMP_MAX_IN_FLIGHT: "0" })).toThrow(/DMP_MAX_IN_FLIGHT : entier ≥ 1/);
    expect(() => loadLimitsFromEnv({ DMP_MAX_QUEUED: "beaucoup" })).toThrow(/DMP_MAX_QUEUED/);
  });
});
