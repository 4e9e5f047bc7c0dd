import { describe, expect, it } from "vitest";
import { workerCount, workerEnvironments } from "./process-plan";

describe("workerCount", () => {
  it("runs one process per core unless WEB_CONCURRENCY says otherwise", () => {
    expect(workerCount({}, 4)).toBe(4);
    expect(workerCount({ WEB_CONCURRENCY: "1" }, 4)).toBe(1);
    expect(workerCount({ WEB_CONCURRENCY: " " }, 2)).toBe(2);
    expect(() => workerCount({ WEB_CONCURRENCY: "0" }, 2)).toThrow(/WEB_CONCURRENCY : entier ≥ 1/);
  });
});

describe("workerEnvironments", () => {
  it("gives the background jobs and the development mail server to the first process only", () => {
    const envs = workerEnvironments(3, {}, 2525);
    expect(envs[0]).toEqual({ DMP_WORKER_INDEX: "0", EMBEDDED_SMTP_PORT: "2525" });
    for (const e of envs.slice(1)) {
      expect(e.DISABLE_BACKGROUND_JOBS).toBe("1");
      expect(e.SMTP_URL).toBe("smtp://127.0.0.1:2525");
      expect(e.EMBEDDED_SMTP_PORT).toBeUndefined();
    }
  });

  it("leaves a configured SMTP server alone", () => {
    const envs = workerEnvironments(2, { SMTP_URL: "smtp://mail.example:25" }, 2525);
    expect(envs).toEqual([{ DMP_WORKER_INDEX: "0" }, { DMP_WORKER_INDEX: "1", DISABLE_BACKGROUND_JOBS: "1" }]);
  });
});
