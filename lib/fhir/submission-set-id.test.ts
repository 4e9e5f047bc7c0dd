import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { submissionSetId } from "./transaction-response";

process.env.NEXTAUTH_SECRET ??= "secret-de-test-submission-set-0123456789abcdef";

describe("SubmissionSet server id", () => {
  it("is the same for the same documents in any order (an identical resend names the same List)", () => {
    expect(submissionSetId(["b", "a"])).toBe(submissionSetId(["a", "b"]));
    expect(submissionSetId(["a", "b"])).not.toBe(submissionSetId(["a", "c"]));
  });

  it("cannot be recomputed from document ids alone: a reader shown part of a set learns nothing of the hidden part", () => {
    const plain = (ids: string[]) => createHash("sha256").update([...ids].sort().join("\n")).digest("hex").slice(0, 32);
    expect(submissionSetId(["visible", "hidden"])).not.toBe(plain(["visible", "hidden"]));
    expect(submissionSetId(["visible"])).not.toBe(plain(["visible"]));
  });
});
