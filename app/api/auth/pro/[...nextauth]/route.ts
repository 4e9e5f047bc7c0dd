import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { proAuthOptions } from "@/lib/auth/pro/auth-options";

type TContext = { params: Promise<{ nextauth: string[] }> };

/** next-auth for the professional portal only (card sign-in, session refresh, CSRF). */
async function handler(request: NextRequest, context: TContext) {
  return NextAuth(proAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
