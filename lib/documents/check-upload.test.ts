import { describe, expect, it } from "vitest";
import { checkUpload, detectMediaType, MAX_UPLOAD_BYTES } from "./check-upload";

const pdf = new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const text = new TextEncoder().encode("Directives anticipées : je souhaite être informée.\n");
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]);

describe("detectMediaType", () => {
  it("recognises the accepted formats by their content", () => {
    expect(detectMediaType(pdf)).toBe("application/pdf");
    expect(detectMediaType(png)).toBe("image/png");
    expect(detectMediaType(jpeg)).toBe("image/jpeg");
    expect(detectMediaType(text)).toBe("text/plain");
  });
  it("refuses binaries", () => {
    expect(detectMediaType(exe)).toBeNull();
  });
});

describe("checkUpload", () => {
  it("accepts a file whose declared type matches its content", () => {
    expect(checkUpload(pdf, "application/pdf")).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(checkUpload(jpeg, "image/jpg")).toEqual({ ok: true, mediaType: "image/jpeg" });
    expect(checkUpload(text, "")).toEqual({ ok: true, mediaType: "text/plain" });
  });
  it("refuses a file that lies about its type", () => {
    const result = checkUpload(exe, "application/pdf");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(checkUpload(text, "application/pdf").ok).toBe(false);
  });
  it("refuses more than 10 MB, with a clear message", () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdf);
    const result = checkUpload(big, "application/pdf");
    expect(result).toMatchObject({ ok: false, code: "TOO_LARGE" });
    expect(!result.ok && result.message).toContain("10 Mo");
    const exact = new Uint8Array(MAX_UPLOAD_BYTES);
    exact.set(pdf);
    expect(checkUpload(exact, "application/pdf").ok).toBe(true);
  });
  it("refuses an empty file", () => {
    expect(checkUpload(new Uint8Array(0), "text/plain")).toMatchObject({ ok: false, code: "EMPTY" });
  });
});
