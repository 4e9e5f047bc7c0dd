/**
 * Admission control for one server process (issue 14, point 3), by time rather than by
 * queue length: at most `maxInFlight` requests are worked on at once, the others wait their
 * turn (first come, first served), and a request is refused (the server answers 503 +
 * Retry-After) when it could not be answered within `maxWaitMs` of its arrival.
 *
 * What a newcomer would take is estimated when it arrives: its wait (the requests ahead of
 * it, and itself, served `maxInFlight` at a time) plus its own work, both from a moving
 * average of the time a request holds its slot (measured here, so it follows the real cost
 * of the pages and the machine's load). When that exceeds the budget, the request is
 * refused at once instead of waiting to be refused: a burst gets fast refusals and the
 * answers given stay within the budget, whatever the queue's length. A start deadline per
 * waiting request (arrival + budget − average service) keeps the bound when the estimate
 * is wrong (a request much slower than the average ahead of it), and a waiter's turn comes
 * only if, with the service time known by then, it still ends within the budget (a server
 * just started admits its first burst before it knows any, and renders its first pages
 * cold, several times slower). A request finding a free slot and nobody waiting is always
 * taken (one slot only until a first request had ended was tried: the other requests then
 * waited behind a fresh server's first, cold one, and the bench's first page got a 503). `maxQueued` only caps
 * the memory the queue may hold; it is not what bounds the wait.
 */

export type TLoadLimits = {
  /** Requests handled at the same time. */
  maxInFlight: number;
  /** Most requests waiting for a free slot (a memory cap); one more is refused at once. */
  maxQueued: number;
  /** The time budget of an answer from the request's arrival: expected wait + average service above it is refused at arrival. */
  maxWaitMs: number;
};

export type TShedReason = "queue-full" | "expected-wait-too-long" | "waited-too-long";

export type TAdmission = { admitted: true; release: () => void } | { admitted: false; reason: TShedReason };

/** Milliseconds from an arbitrary origin; performance.now() in the server, a fake in the tests. */
export type TClock = { now(): number };

/** Weight of the newest service time in the moving average (about the last ten requests count). */
export const SERVICE_TIME_WEIGHT = 0.2;

type TWaiter = { resolve: (admission: TAdmission) => void; arrivedAt: number; timer: ReturnType<typeof setTimeout> | null; next: TWaiter | null };

export class LoadLimiter {
  readonly limits: TLoadLimits;
  readonly #clock: TClock;
  #inFlight = 0;
  #queued = 0;
  // A singly linked FIFO: taking the head and dropping a timed-out waiter stay O(1)-ish.
  #head: TWaiter | null = null;
  #tail: TWaiter | null = null;
  #shed = 0;
  /** Moving average of the time a request holds its slot; null until one has finished. */
  #serviceMs: number | null = null;

  constructor(limits: TLoadLimits, clock: TClock = performance) {
    if (!(limits.maxInFlight >= 1) || !(limits.maxQueued >= 0) || !(limits.maxWaitMs >= 0)) {
      throw new Error(`Limites de charge invalides : ${JSON.stringify(limits)}`);
    }
    this.limits = limits;
    this.#clock = clock;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  get queued(): number {
    return this.#queued;
  }

  /** How many requests were refused since the start. */
  get shed(): number {
    return this.#shed;
  }

  /** The moving average of the time a request holds its slot (ms), null before the first one ends. */
  get serviceTimeMs(): number | null {
    return this.#serviceMs;
  }

  /**
   * How long a request arriving now would wait for a slot: none when one is free and nobody
   * waits; else the requests ahead of it (and itself) served `maxInFlight` at a time, each
   * holding its slot the average service time. Zero before any service time is known.
   */
  expectedWaitMs(): number {
    if (this.#inFlight < this.limits.maxInFlight && this.#queued === 0) return 0;
    return ((this.#queued + 1) * (this.#serviceMs ?? 0)) / this.limits.maxInFlight;
  }

  /**
   * A slot now, a place in the queue, or a refusal. An admitted request must call
   * `release()` exactly once when its answer is over (further calls do nothing).
   */
  admit(): Promise<TAdmission> {
    if (this.#inFlight < this.limits.maxInFlight && this.#queued === 0) return Promise.resolve(this.#grant());
    if (this.#queued >= this.limits.maxQueued) return Promise.resolve(this.#refuse("queue-full"));
    const serviceMs = this.#serviceMs ?? 0;
    if (this.expectedWaitMs() + serviceMs > this.limits.maxWaitMs) return Promise.resolve(this.#refuse("expected-wait-too-long"));
    return new Promise<TAdmission>((resolve) => {
      const waiter: TWaiter = { resolve, arrivedAt: this.#clock.now(), timer: null, next: null };
      waiter.timer = setTimeout(() => {
        waiter.timer = null;
        this.#unlink(waiter);
        resolve(this.#refuse("waited-too-long"));
      }, this.limits.maxWaitMs - serviceMs);
      if (this.#tail) this.#tail.next = waiter;
      else this.#head = waiter;
      this.#tail = waiter;
      this.#queued++;
    });
  }

  #grant(): TAdmission {
    this.#inFlight++;
    const started = this.#clock.now();
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight--;
        this.#observe(this.#clock.now() - started);
        this.#wakeNext();
      },
    };
  }

  #observe(serviceMs: number): void {
    const ms = Math.max(0, serviceMs);
    this.#serviceMs = this.#serviceMs === null ? ms : this.#serviceMs + SERVICE_TIME_WEIGHT * (ms - this.#serviceMs);
  }

  #refuse(reason: TShedReason): TAdmission {
    this.#shed++;
    return { admitted: false, reason };
  }

  /**
   * Gives the free slots to the oldest waiters. A waiter that, with the service time measured
   * since it arrived, would now end past its budget is refused instead: its timer was set with
   * the estimate of its arrival, which a server just started does not have yet (its first
   * pages, cold, take several times the usual time) and which rises when the pages slow down.
   */
  #wakeNext(): void {
    while (this.#head && this.#inFlight < this.limits.maxInFlight) {
      const waiter = this.#head;
      this.#unlink(waiter);
      if (waiter.timer) clearTimeout(waiter.timer);
      const endsAt = this.#clock.now() + (this.#serviceMs ?? 0);
      waiter.resolve(endsAt > waiter.arrivedAt + this.limits.maxWaitMs ? this.#refuse("waited-too-long") : this.#grant());
    }
  }

  #unlink(waiter: TWaiter): void {
    let previous: TWaiter | null = null;
    for (let w = this.#head; w; previous = w, w = w.next) {
      if (w !== waiter) continue;
      if (previous) previous.next = w.next;
      else this.#head = w.next;
      if (this.#tail === w) this.#tail = previous;
      w.next = null;
      this.#queued--;
      return;
    }
  }
}

/** The limits of `npm run serve`, from the environment (DMP_MAX_IN_FLIGHT, DMP_MAX_QUEUED, DMP_MAX_QUEUE_WAIT_MS). */
export function loadLimitsFromEnv(env: Record<string, string | undefined> = process.env): TLoadLimits {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} : entier ≥ ${min} attendu (reçu « ${raw} »).`);
    return n;
  };
  return {
    maxInFlight: int("DMP_MAX_IN_FLIGHT", 8, 1),
    // A memory cap only: the wait budget below is what refuses the excess.
    maxQueued: int("DMP_MAX_QUEUED", 1000, 0),
    // Wait and work together. The slowest answers measured under 200 connections took the
    // budget plus ~400 ms (a page slower than the average once started): 1,200 stays under 2 s.
    maxWaitMs: int("DMP_MAX_QUEUE_WAIT_MS", 1200, 0),
  };
}
