/**
 * Unauthenticated routes that read a body stop reading at their limit: a 50 MB upload is
 * refused after a few kilobytes, with a 413 that closes the connection.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { readBodyBytes, BodyTooLargeError } from "./body-limit";

const MB = 1024 * 1024;

/** A 50 MB JSON-looking upload, produced on demand, that counts what the server pulled. */
function hugeUpload(totalBytes = 50 * MB): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  const chunk = new TextEncoder().encode(`{"serial":"${"A".repeat(64 * 1024 - 20)}`);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { body, pulled: () => sent };
}

function post(url: string, body: ReadableStream<Uint8Array>, contentType: string): NextRequest {
  // duplex "half": a streamed request body (Node's fetch requires it; the DOM types lack it).
  const init = { method: "POST", headers: { "content-type": contentType }, body, duplex: "half" };
  return new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
}

describe("unauthorized access: request bodies beyond their limit", () => {
  it("readBodyBytes refuses an announced length at once and an unannounced one as it passes the limit", async () => {
    const announced = new Request("http://localhost/x", { method: "POST", headers: { "content-length": String(50 * MB) }, body: "{}" });
    await expect(readBodyBytes(announced, 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    const upload = hugeUpload();
    await expect(readBodyBytes(post("http://localhost/x", upload.body, "application/json"), 4096)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(upload.pulled()).toBeLessThan(MB);
  });

  it.each([
    ["the card challenge", "/api/pro/card-challenge", "application/json", () => import("@/app/api/pro/card-challenge/route").then((m) => (r: NextRequest) => m.POST(r))],
    ["the API token endpoint", "/api/oauth/token", "application/x-www-form-urlencoded", () => import("@/app/api/oauth/token/route").then((m) => (r: NextRequest) => m.POST(r))],
    [
      "the professional sign-in (next-auth)",
      "/api/auth/pro/callback/card",
      "application/x-www-form-urlencoded",
      () => import("@/app/api/auth/pro/[...nextauth]/route").then((m) => (r: NextRequest) => m.POST(r, { params: Promise.resolve({ nextauth: ["callback", "card"] }) })),
    ],
    [
      "the patient next-auth route",
      "/api/auth/patient/signout",
      "application/x-www-form-urlencoded",
      () => import("@/app/api/auth/patient/[...nextauth]/route").then((m) => (r: NextRequest) => m.POST(r, { params: Promise.resolve({ nextauth: ["signout"] }) })),
    ],
  ])("%s refuses a 50 MB body after reading a few kilobytes, and closes the connection", async (_name, urlPath, contentType, load) => {
    const handler = await load();
    const upload = hugeUpload();
    const response = await handler(post(`http://localhost:3000${urlPath}`, upload.body, contentType));
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(upload.pulled()).toBeLessThan(MB);
  });
});

describe("unauthorized access: answers given before the body is read", () => {
  it("a bundle from a caller without a token is refused and the connection closed, its 50 MB unread", async () => {
    const { POST } = await import("@/app/api/fhir/route");
    const upload = hugeUpload();
    const response = await POST(post("http://localhost:3000/api/fhir", upload.body, "application/fhir+json"));
    expect(response.status).toBe(401);
    expect(response.headers.get("connection")).toBe("close");
    expect(upload.pulled()).toBeLessThan(MB);
  });
});
