import { describe, expect, it } from "vitest";
import { AppError, nullWhenNotFound } from "./app-error";

describe("nullWhenNotFound", () => {
  it("gives the value, null for NOT_FOUND, and lets every other error through", async () => {
    expect(await nullWhenNotFound(async () => 42)).toBe(42);
    expect(await nullWhenNotFound(async () => Promise.reject(new AppError("NOT_FOUND")))).toBeNull();
    await expect(nullWhenNotFound(async () => Promise.reject(new AppError("FORBIDDEN")))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(nullWhenNotFound(async () => Promise.reject(new Error("panne")))).rejects.toThrow("panne");
  });
});
