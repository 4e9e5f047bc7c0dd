/**
 * Admission control for one server process (issue 14, point 3): at most `maxInFlight`
 * requests are worked on at once, at most `maxQueued` wait their turn, first come first
 * served, and none waits longer than `maxWaitMs`. Everything beyond is refused at once
 * (the server answers 503 + Retry-After), so a burst of connections gets fast refusals
 * instead of answers that come after many seconds, and the queue cannot grow the heap.
 */

export type TLoadLimits = {
  /** Requests handled at the same time. */
  maxInFlight: number;
  /** Requests waiting for a free slot; one more is refused at once. */
  maxQueued: number;
  /** Longest wait in the queue before the request is refused. */
  maxWaitMs: number;
};

export type TShedReason = "queue-full" | "waited-too-long";

export type TAdmission = { admitted: true; release: () => void } | { admitted: false; reason: TShedReason };

type TWaiter = { resolve: (admission: TAdmission) => void; timer: ReturnType<typeof setTimeout> | null; next: TWaiter | null };

export class LoadLimiter {
  readonly limits: TLoadLimits;
  #inFlight = 0;
  #queued = 0;
  // A singly linked FIFO: taking the head and dropping a timed-out waiter stay O(1)-ish.
  #head: TWaiter | null = null;
  #tail: TWaiter | null = null;
  #shed = 0;

  constructor(limits: TLoadLimits) {
    if (!(limits.maxInFlight >= 1) || !(limits.maxQueued >= 0) || !(limits.maxWaitMs >= 0)) {
      throw new Error(`Limites de charge invalides : ${JSON.stringify(limits)}`);
    }
    this.limits = limits;
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

  /**
   * A slot now, a place in the queue, or a refusal. An admitted request must call
   * `release()` exactly once when its answer is over (further calls do nothing).
   */
  admit(): Promise<TAdmission> {
    if (this.#inFlight < this.limits.maxInFlight && this.#queued === 0) return Promise.resolve(this.#grant());
    if (this.#queued >= this.limits.maxQueued) return Promise.resolve(this.#refuse("queue-full"));
    return new Promise<TAdmission>((resolve) => {
      const waiter: TWaiter = { resolve, timer: null, next: null };
      waiter.timer = setTimeout(() => {
        waiter.timer = null;
        this.#unlink(waiter);
        resolve(this.#refuse("waited-too-long"));
      }, this.limits.maxWaitMs);
      if (this.#tail) this.#tail.next = waiter;
      else this.#head = waiter;
      this.#tail = waiter;
      this.#queued++;
    });
  }

  #grant(): TAdmission {
    this.#inFlight++;
    let released = false;
    return {
      admitted: true,
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight--;
        this.#wakeNext();
      },
    };
  }

  #refuse(reason: TShedReason): TAdmission {
    this.#shed++;
    return { admitted: false, reason };
  }

  #wakeNext(): void {
    while (this.#head && this.#inFlight < this.limits.maxInFlight) {
      const waiter = this.#head;
      this.#unlink(waiter);
      if (waiter.timer) clearTimeout(waiter.timer);
      waiter.resolve(this.#grant());
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
    maxQueued: int("DMP_MAX_QUEUED", 64, 0),
    maxWaitMs: int("DMP_MAX_QUEUE_WAIT_MS", 500, 0),
  };
}
