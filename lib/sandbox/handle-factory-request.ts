import type { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bodyTooLargeResponse, BodyTooLargeError, readBodyBytes } from "@/lib/http/body-limit";
import { isAppError } from "@/lib/errors/app-error";
import { userMessageFor } from "@/lib/errors/messages";
import { runInNamespace } from "@/lib/clock/namespace-scope";
import { parseSandboxInput } from "./parse-input";
import { namespaceOfRequest } from "./namespace-request";

/** A scenario's description is a few hundred bytes. */
export const SANDBOX_MAX_BODY_BYTES = 64 * 1024;

const NO_STORE = { "Cache-Control": "no-store" } as const;

/**
 * POST /api/sandbox/<factory>: the JSON body (empty = all defaults) validated by the
 * factory's schema, 400 with the zod issues in French when it does not fit (nothing
 * written), 201 with what the test needs to act otherwise. With an X-DMP-Espace header the
 * factory runs in that namespace (lib/clock/namespace-scope.ts): what it creates belongs
 * to it, and rows of another namespace are unknown to it; an unknown token answers 404.
 */
export async function handleFactoryRequest<S extends z.ZodType, R>(
  request: Request,
  prisma: PrismaClient,
  schema: S,
  factory: (prisma: PrismaClient, input: z.output<S>) => Promise<R>,
  maxBytes: number = SANDBOX_MAX_BODY_BYTES,
): Promise<Response> {
  let text: string;
  try {
    text = (await readBodyBytes(request, maxBytes)).toString("utf8");
  } catch (error) {
    if (error instanceof BodyTooLargeError) return bodyTooLargeResponse(maxBytes);
    throw error;
  }
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return Response.json({ error: "Le corps de la requête n'est pas du JSON valide.", issues: [] }, { status: 400, headers: NO_STORE });
    }
  }
  const parsed = parseSandboxInput(schema, body);
  if (!parsed.ok) return Response.json({ error: "Données invalides.", issues: parsed.issues }, { status: 400, headers: NO_STORE });
  const namespace = await namespaceOfRequest(prisma, request);
  if (!namespace.ok) return namespace.response;
  try {
    return Response.json(await runInNamespace(namespace.namespaceId, () => factory(prisma, parsed.data)), { status: 201, headers: NO_STORE });
  } catch (error) {
    // A reference to a row that does not exist (a structure, a patient…): the caller's mistake.
    if (isAppError(error) && error.code === "INVALID_INPUT") return Response.json({ error: userMessageFor(error), issues: [] }, { status: 400, headers: NO_STORE });
    throw error;
  }
}
