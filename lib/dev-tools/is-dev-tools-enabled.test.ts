import { describe, expect, it } from "vitest";
import { isDevToolsEnabled } from "./is-dev-tools-enabled";

describe("isDevToolsEnabled", () => {
  it("follows DEV_TOOLS when it is 1 or 0", () => {
    expect(isDevToolsEnabled({ DEV_TOOLS: "1", NODE_ENV: "production" })).toBe(true);
    expect(isDevToolsEnabled({ DEV_TOOLS: "0", NODE_ENV: "development" })).toBe(false);
  });
  it("is on by default, off in production", () => {
    expect(isDevToolsEnabled({ NODE_ENV: "development" })).toBe(true);
    expect(isDevToolsEnabled({})).toBe(true);
    expect(isDevToolsEnabled({ NODE_ENV: "production" })).toBe(false);
    expect(isDevToolsEnabled({ NODE_ENV: "production", DEV_TOOLS: "yes" })).toBe(false);
  });
});
