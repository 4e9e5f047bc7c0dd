import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LoadLimiter, loadLimitsFromEnv, SERVICE_TIME_WEIGHT, type TAdmission, type TLoadLimits } from "./load-limiter";

const admitted = (a: TAdmission) => {
  if (!a.admitted) throw new Error(`refusé : ${a.reason}`);
  return a;
};

/** A limiter on a fake clock that moves with the fake timers (no real time in these tests). */
function limiterAt(limits: TLoadLimits) {
  let now = 0;
  const limiter = new LoadLimiter(limits, { now: () => now });
  const advance = async (ms: number) => {
    now += ms;
    await vi.advanceTimersByTimeAsync(ms);
  };
  return { limiter, advance };
}

/** Whether the admission is already decided (a refusal at arrival is, a place in the queue is not). */
async function settledNow(admission: Promise<TAdmission>): Promise<TAdmission | "waiting"> {
  // A settled promise wins the race against one resolved after it in the same tick.
  return Promise.race([admission, Promise.resolve("waiting" as const).then((w) => w)]);
}

describe("LoadLimiter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("admits up to maxInFlight at once, then queues, then refuses at once when the queue is full", async () => {
    const { limiter } = limiterAt({ maxInFlight: 2, maxQueued: 1, maxWaitMs: 1000 });
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
    const { limiter } = limiterAt({ maxInFlight: 1, maxQueued: 3, maxWaitMs: 1000 });
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
    const { limiter } = limiterAt({ maxInFlight: 1, maxQueued: 5, maxWaitMs: 500 });
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
    const { limiter } = limiterAt({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 1000 });
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
    const { limiter } = limiterAt({ maxInFlight: 1, maxQueued: 0, maxWaitMs: 1000 });
    admitted(await limiter.admit());
    await expect(limiter.admit()).resolves.toEqual({ admitted: false, reason: "queue-full" });
  });
});

describe("LoadLimiter: admission by expected time", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** One request served in `ms` on the fake clock, to teach the limiter its service time. */
  async function serve(limiter: LoadLimiter, advance: (ms: number) => Promise<void>, ms: number) {
    const a = admitted(await limiter.admit());
    await advance(ms);
    a.release();
  }

  it("learns the service time as a moving average of the time requests hold their slot", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 2, maxQueued: 100, maxWaitMs: 1500 });
    expect(limiter.serviceTimeMs).toBeNull();
    await serve(limiter, advance, 100);
    expect(limiter.serviceTimeMs).toBe(100);
    await serve(limiter, advance, 600);
    expect(limiter.serviceTimeMs).toBeCloseTo(100 + SERVICE_TIME_WEIGHT * 500);
  });

  it("refuses at arrival, without making it wait, a request whose expected wait plus work exceeds the budget", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 2, maxQueued: 100, maxWaitMs: 500 });
    await serve(limiter, advance, 200); // average service: 200 ms
    admitted(await limiter.admit());
    admitted(await limiter.admit()); // both slots busy
    expect(limiter.expectedWaitMs()).toBe(100); // 1 ahead-or-self / 2 slots × 200 ms
    // Waits of 100, 200, 300 ms + 200 ms of work fit in 500 ms; the fourth would need 400 + 200.
    const waiting = [limiter.admit(), limiter.admit(), limiter.admit()];
    for (const w of waiting) expect(await settledNow(w)).toBe("waiting");
    expect(limiter.queued).toBe(3);
    expect(await settledNow(limiter.admit())).toEqual({ admitted: false, reason: "expected-wait-too-long" });
    expect(limiter.queued).toBe(3);
    expect(limiter.shed).toBe(1);
  });

  it("a queue far below its memory cap refuses as soon as the expected time exceeds the budget, and accepts again once it drains", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 1, maxQueued: 1000, maxWaitMs: 1000 });
    await serve(limiter, advance, 400);
    const holder = admitted(await limiter.admit());
    const queued = limiter.admit(); // waits 400 + works 400
    expect(await settledNow(limiter.admit())).toEqual({ admitted: false, reason: "expected-wait-too-long" }); // 800 + 400
    holder.release();
    admitted(await queued).release();
    expect(limiter.inFlight).toBe(0);
    admitted(await limiter.admit());
  });

  it("slower answers shorten the queue a newcomer may join; faster ones lengthen it", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 1, maxQueued: 1000, maxWaitMs: 1000 });
    await serve(limiter, advance, 100);
    const holder = admitted(await limiter.admit());
    let accepted = 0;
    while ((await settledNow(limiter.admit())) === "waiting") accepted++;
    expect(accepted).toBe(9); // the 9th waits 900 ms and works 100; the 10th would need 1 100

    const slow = limiterAt({ maxInFlight: 1, maxQueued: 1000, maxWaitMs: 1000 });
    await serve(slow.limiter, slow.advance, 300);
    admitted(await slow.limiter.admit());
    let slowAccepted = 0;
    while ((await settledNow(slow.limiter.admit())) === "waiting") slowAccepted++;
    expect(slowAccepted).toBe(2); // the 2nd waits 600 ms and works 300; the 3rd would need 1 200
    holder.release();
  });

  it("a server just started, with no service time known, refuses a burst's waiter whose turn comes too late for its slow first pages", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 1, maxQueued: 100, maxWaitMs: 1000 });
    // The whole burst arrives before any request has ended: nothing to estimate from, all wait.
    const first = admitted(await limiter.admit());
    const second = limiter.admit();
    const third = limiter.admit();
    expect(limiter.queued).toBe(2);
    // The first page of a cold server takes 700 ms: the second starts at 700 and, at that
    // pace, ends at 1 400, past its budget of 1 000 ms from arrival.
    await advance(700);
    first.release();
    expect(await second).toEqual({ admitted: false, reason: "waited-too-long" });
    expect(await third).toEqual({ admitted: false, reason: "waited-too-long" });
    expect(limiter.inFlight).toBe(0);
    // A later request finding the slot free is taken.
    admitted(await limiter.admit());
  });

  it("refuses a waiting request at its start deadline when the request ahead is much slower than the average", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 1000 });
    await serve(limiter, advance, 100);
    const slow = admitted(await limiter.admit());
    const waiting = limiter.admit();
    await advance(899);
    expect(await settledNow(waiting)).toBe("waiting");
    await advance(1); // arrival + 1000 − 100 of expected work: cannot be answered in time
    expect(await waiting).toEqual({ admitted: false, reason: "waited-too-long" });
    expect(limiter.queued).toBe(0);
    slow.release();
    expect(limiter.inFlight).toBe(0);
  });

  it("always takes a request that finds a free slot and nobody waiting, however slow the average", async () => {
    const { limiter, advance } = limiterAt({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 100 });
    await serve(limiter, advance, 5000);
    admitted(await limiter.admit()).release();
    expect(limiter.expectedWaitMs()).toBe(0);
  });
});

describe("loadLimitsFromEnv", () => {
  it("has defaults and reads the three variables", () => {
    expect(loadLimitsFromEnv({})).toEqual({ maxInFlight: 8, maxQueued: 1000, maxWaitMs: 1200 });
    expect(loadLimitsFromEnv({ DMP_MAX_IN_FLIGHT: "4", DMP_MAX_QUEUED: "0", DMP_MAX_QUEUE_WAIT_MS: "250" })).toEqual({ maxInFlight: 4, maxQueued: 0, maxWaitMs: 250 });
  });

  it("refuses a value that is not a whole number in range, in French", () => {
    expect(() => loadLimitsFromEnv({ DMP_MAX_IN_FLIGHT: "0" })).toThrow(/DMP_MAX_IN_FLIGHT : entier ≥ 1/);
    expect(() => loadLimitsFromEnv({ DMP_MAX_QUEUED: "beaucoup" })).toThrow(/DMP_MAX_QUEUED/);
  });
});
