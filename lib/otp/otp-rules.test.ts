import { describe, expect, it } from "vitest";
import {
  afterFailure,
  challengeStatus,
  codeMatches,
  generateCode,
  hashCode,
  isLocked,
  LOCK_DURATION_MS,
  lockedMessage,
  maskDestination,
  OTP_TTL_MS,
} from "./otp-rules";

const now = new Date("2026-03-02T10:00:00.000Z");

describe("one-time codes", () => {
  it("are 6 digits and vary", () => {
    const codes = new Set(Array.from({ length: 50 }, generateCode));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
  });

  it("are stored salted and hashed, and only the right code matches", () => {
    const stored = hashCode("042517");
    expect(stored).not.toContain("042517");
    expect(hashCode("042517")).not.toBe(stored);
    expect(codeMatches(stored, "042517")).toBe(true);
    expect(codeMatches(stored, "042518")).toBe(false);
    expect(codeMatches(stored, "42517")).toBe(false);
    expect(codeMatches("garbage", "042517")).toBe(false);
  });

  it("are valid 5 minutes and single use", () => {
    const fresh = { expiresAt: new Date(now.getTime() + OTP_TTL_MS), consumedAt: null, voidedAt: null, attempts: 0 };
    expect(challengeStatus(fresh, now)).toBe("USABLE");
    expect(challengeStatus(fresh, new Date(now.getTime() + OTP_TTL_MS - 1))).toBe("USABLE");
    expect(challengeStatus(fresh, new Date(now.getTime() + OTP_TTL_MS))).toBe("EXPIRED");
    expect(challengeStatus({ ...fresh, consumedAt: now }, now)).toBe("CONSUMED");
    expect(challengeStatus({ ...fresh, voidedAt: now }, now)).toBe("VOIDED");
    expect(challengeStatus({ ...fresh, attempts: 5 }, now)).toBe("EXHAUSTED");
  });
});

describe("lock-out", () => {
  it("locks for 15 minutes at the fifth failure and not before", () => {
    let count = 0;
    for (let i = 1; i <= 4; i += 1) {
      const r = afterFailure(count, now);
      expect(r.lockedUntil).toBeNull();
      count = r.failedCount;
    }
    expect(count).toBe(4);
    const fifth = afterFailure(count, now);
    expect(fifth.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_DURATION_MS);
    expect(fifth.failedCount).toBe(0);
  });

  it("tells whether sign-in is locked now", () => {
    expect(isLocked(null, now)).toBe(false);
    expect(isLocked(new Date(now.getTime() + 1000), now)).toBe(true);
    expect(isLocked(new Date(now.getTime() - 1000), now)).toBe(false);
  });

  it("gives the time sign-in reopens, in French and Paris time", () => {
    expect(lockedMessage(new Date("2026-03-02T10:15:00.000Z"))).toContain("11 h 15");
    expect(lockedMessage(new Date("2026-03-02T10:15:00.000Z"))).toContain("5 tentatives");
  });

  it("masks destinations", () => {
    expect(maskDestination("jeanne.martin@exemple.fr")).toBe("j…n@exemple.fr");
    expect(maskDestination("+33612345678")).toBe("06 •• •• •• 78");
  });
});
