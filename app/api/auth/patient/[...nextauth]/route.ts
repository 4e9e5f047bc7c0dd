import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { patientAuthOptions } from "@/lib/auth/patient/auth-options";
import { withLimitedBody } from "@/lib/http/body-limit";

type TContext = { params: Promise<{ nextauth: string[] }> };

/** A CSRF token and a callback address. */
const MAX_BODY_BYTES = 16 * 1024;

async function handler(request: NextRequest, context: TContext) {
  const limited = await withLimitedBody(request, MAX_BODY_BYTES);
  if (limited instanceof Response) return limited;
  return NextAuth(patientAuthOptions())(limited, context);
}

export { handler as GET, handler as POST };
