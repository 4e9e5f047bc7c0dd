import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { proAuthOptions } from "@/lib/auth/pro/auth-options";
import { withLimitedBody } from "@/lib/http/body-limit";

type TContext = { params: Promise<{ nextauth: string[] }> };

/** A signed nonce, a CSRF token and a callback address. */
const MAX_BODY_BYTES = 16 * 1024;

/** next-auth for the professional portal only (card sign-in, session refresh, CSRF). */
async function handler(request: NextRequest, context: TContext) {
  const limited = await withLimitedBody(request, MAX_BODY_BYTES);
  if (limited instanceof Response) return limited;
  return NextAuth(proAuthOptions())(limited, context);
}

export { handler as GET, handler as POST };
