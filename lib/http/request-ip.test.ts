import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => incoming.headers }));

const { requestIp } = await import("./request-ip");

const saved = process.env.TRUSTED_PROXIES;

beforeEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

afterEach(() => {
  if (saved === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = saved;
});

function request(headers: Record<string, string>): void {
  incoming.headers = new Headers(headers);
}

describe("requestIp: the client address written in traces", () => {
  it("ignores a client-sent X-Forwarded-For or X-Real-IP when no trusted proxy is configured", async () => {
    request({ "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67" });
    expect(await requestIp()).toBeNull();
  });

  it("takes the address the trusted proxy appended, not the one the client put before it", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.2, 10.0.0.3";
    // The client sent "X-Forwarded-For: 203.0.113.66"; the proxies appended the real peers.
    request({ "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.3" });
    expect(await requestIp()).toBe("198.51.100.7");
  });

  it("reads an IPv4-mapped IPv6 proxy address as the IPv4 address it is", async () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    request({ "x-forwarded-for": "198.51.100.7, ::ffff:127.0.0.1" });
    expect(await requestIp()).toBe("198.51.100.7");
  });

  it("keeps no address when the forwarded value is not an IP address", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.2";
    request({ "x-forwarded-for": "<script>, 10.0.0.2" });
    expect(await requestIp()).toBeNull();
  });

  it("keeps no address when a trusted proxy is configured but the request carries none", async () => {
    process.env.TRUSTED_PROXIES = "10.0.0.2";
    request({});
    expect(await requestIp()).toBeNull();
  });
});
