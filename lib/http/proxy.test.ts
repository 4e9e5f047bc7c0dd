import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

describe("proxy", () => {
  it.each(["/patient/documents/%zz", "/api/fhir/Binary/%E0%A4%A", "/pro/patients/%E0%A4%A/documents/x"])("answers 400 to the malformed path %s", (urlPath) => {
    const response = proxy(new NextRequest(`http://localhost:3000${urlPath}`));
    expect(response.status).toBe(400);
  });

  it("gives every page a fresh nonce in its CSP, and hands it to Next in the request", () => {
    const first = proxy(new NextRequest("http://localhost:3000/patient"));
    const second = proxy(new NextRequest("http://localhost:3000/patient"));
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    // NextResponse.next({ request: { headers } }) passes overridden request headers this way.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(first.headers.get("content-security-policy"));
  });

  it("sends HSTS only when the site is served over HTTPS", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(proxy(new NextRequest("http://localhost:3000/")).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("NEXTAUTH_URL", "https://dmp.example");
    expect(proxy(new NextRequest("https://dmp.example/")).headers.get("strict-transport-security")).toMatch(/^max-age=63072000/);
  });

  it("never sees a request with a body (Next would read it whole first)", () => {
    const [matcher] = config.matcher;
    expect(matcher?.missing.map((m) => m.key)).toEqual(["content-length", "transfer-encoding"]);
  });
});
