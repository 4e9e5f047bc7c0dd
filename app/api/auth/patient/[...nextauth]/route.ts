import NextAuth from "next-auth";
import { patientAuthOptions } from "@/lib/auth/patient/auth-options";

type TContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: TContext) {
  return NextAuth(patientAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
