import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/session-secret";
import { completeLogin } from "./complete-login";
import { loadPatientAccountSession } from "./session-account";
import { PATIENT_SESSION_COOKIE, PATIENT_SESSION_MAX_AGE, patientTokenFromClaims } from "./session-token";

/**
 * next-auth configuration of the patient portal (route /api/auth/patient/[...nextauth]).
 * JWT sessions in the portal's own cookie, 30 minutes of inactivity, 12 hours at most,
 * revocable (claims sv and authAt, checked by lib/auth/patient/session-account.ts). The credentials are
 * the pending sign-in challenge and its one-time code (the password was checked before
 * the code was sent). The portal's pages sign in through server actions that produce the
 * same token (lib/auth/patient/flows.ts).
 */
export function patientAuthOptions(): AuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: PATIENT_SESSION_MAX_AGE, updateAge: 0 },
    jwt: { maxAge: PATIENT_SESSION_MAX_AGE },
    cookies: {
      sessionToken: {
        name: PATIENT_SESSION_COOKIE,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https://") },
      },
    },
    pages: { signIn: "/patient/connexion", error: "/patient/connexion" },
    providers: [
      CredentialsProvider({
        id: "patient-otp",
        name: "Code à usage unique",
        credentials: { challengeId: { label: "Demande", type: "text" }, code: { label: "Code à usage unique", type: "text" } },
        async authorize(credentials) {
          if (!credentials?.challengeId || !credentials.code) return null;
          const result = await completeLogin(prisma, { challengeId: credentials.challengeId, code: credentials.code });
          if (!result.ok) return null;
          return { id: result.token.sub, name: result.token.name, actingFor: result.token.actingFor, sv: result.token.sv, authAt: result.token.authAt };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.portal = "patient";
          const signedIn = user as { actingFor?: string | null; sv?: number; authAt?: number };
          token.actingFor = signedIn.actingFor ?? null;
          token.sv = signedIn.sv;
          token.authAt = signedIn.authAt;
          return token;
        }
        // next-auth's own session endpoint: a revoked or too old session is signed out
        // (throwing here makes next-auth clear the cookie) instead of being renewed.
        if (!(await loadPatientAccountSession(prisma, patientTokenFromClaims(token)))) throw new Error("Session terminée");
        return token;
      },
      async session({ session, token }) {
        return { ...session, portal: token.portal, actingFor: token.actingFor ?? null };
      },
    },
  };
}
