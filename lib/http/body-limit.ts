import { NextRequest } from "next/server";

/** A request body beyond its route's limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly max: number) {
    super(`Request body above ${max} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * The body's bytes, refused above `max` before it is read whole: by its Content-Length when
 * announced, and by counting the bytes as they arrive otherwise (the stream is cancelled
 * as soon as the limit is passed).
 */
export async function readBodyBytes(request: Request, max: number): Promise<Buffer> {
  const announced = request.headers.get("content-length");
  if (announced !== null && /^\d{1,16}$/.test(announced) && Number(announced) > max) throw new BodyTooLargeError(max);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Headers of an answer given before the body was read: the rest of the upload is still on
 * the connection, so it is closed (kept alive, the next request on it would wait behind
 * the unread bytes).
 */
export const UNREAD_BODY_HEADERS = { connection: "close", "cache-control": "no-store" } as const;

function sizeText(max: number): string {
  return max >= 1024 * 1024 ? `${Math.round(max / (1024 * 1024))} Mo` : `${Math.round(max / 1024)} Ko`;
}

/** 413 in French (JSON), connection closed. */
export function bodyTooLargeResponse(max: number): Response {
  return Response.json({ error: `Requête trop volumineuse : le corps dépasse ${sizeText(max)}.` }, { status: 413, headers: UNREAD_BODY_HEADERS });
}

/**
 * For handlers that read the body themselves (next-auth): the same request with its body
 * read under the limit, or the 413 to answer.
 */
export async function withLimitedBody(request: NextRequest, max: number): Promise<NextRequest | Response> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  try {
    const body = await readBodyBytes(request, max);
    return new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body) });
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(max);
    throw error;
  }
}

/**
 * An answer given without reading the body (a refused caller, a wrong content type) closes
 * the connection, for the same reason as UNREAD_BODY_HEADERS.
 */
export function closingIfBodyUnread(request: Request, response: Response): Response {
  if (request.body && !request.bodyUsed) response.headers.set("connection", "close");
  return response;
}
