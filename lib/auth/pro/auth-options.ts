import "server-only";
import { clientAddress, trustedProxies } from "@/lib/http/client-address";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { sessionSecret } from "@/lib/auth/session-secret";
import { messageForCode } from "@/lib/errors/messages";
import { isCardError } from "@/lib/pki/card-errors";
import { verifyCardSignIn } from "@/lib/pki/card-sign-in";
import { cardSessionVersion, loadProfessionalActor, proTokenFromClaims } from "./professional-session";
import {
  PRO_CALLBACK_COOKIE,
  PRO_CARD_PROVIDER_ID,
  PRO_CSRF_COOKIE,
  PRO_SESSION_COOKIE,
  PRO_SESSION_MAX_AGE,
  hasSecureCookies,
} from "./session-config";
import { platformNowMs } from "@/lib/clock/clock";

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const h = headers as Record<string, string | string[] | undefined> & { get?: (n: string) => string | null };
  const raw = typeof h.get === "function" ? h.get(name) : h[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? String(value).split(",")[0]?.trim() || null : null;
}

/**
 * next-auth for the professional portal: one credentials provider whose authorize()
 * checks the card's signed challenge (lib/pki/card-sign-in.ts). JWT sessions in their own
 * cookie, marked portal "pro", expiring after 30 minutes without activity or 12 hours
 * after sign-in, revocable (claims sv and authAt, see professional-session.ts).
 */
export function proAuthOptions(): NextAuthOptions {
  const secure = hasSecureCookies();
  const cookie = (name: string, httpOnly = true) => ({ name, options: { httpOnly, sameSite: "lax" as const, path: "/", secure } });
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: PRO_SESSION_MAX_AGE },
    jwt: { maxAge: PRO_SESSION_MAX_AGE },
    useSecureCookies: secure,
    cookies: {
      sessionToken: cookie(PRO_SESSION_COOKIE),
      csrfToken: cookie(PRO_CSRF_COOKIE),
      callbackUrl: cookie(PRO_CALLBACK_COOKIE),
    },
    pages: { signIn: "/pro/connexion", error: "/pro/connexion" },
    providers: [
      CredentialsProvider({
        id: PRO_CARD_PROVIDER_ID,
        name: "Carte CPS",
        credentials: {
          serial: { type: "text" },
          certificatePem: { type: "text" },
          nonce: { type: "text" },
          signature: { type: "text" },
        },
        async authorize(credentials, req) {
          try {
            const signedIn = await verifyCardSignIn(
              prisma,
              {
                serial: credentials?.serial ?? "",
                certificatePem: credentials?.certificatePem ?? "",
                nonce: credentials?.nonce ?? "",
                signature: credentials?.signature ?? "",
              },
              { ipAddress: clientAddress(headerValue(req?.headers, "x-forwarded-for"), trustedProxies()) },
            );
            const sv = await cardSessionVersion(prisma, signedIn.cardSerial);
            if (sv === null) throw new Error(messageForCode("INTERNAL"));
            return { id: signedIn.professionalId, name: signedIn.name, cardSerial: signedIn.cardSerial, sv, authAt: platformNowMs() };
          } catch (error) {
            // The message travels back to the sign-in page: only French, never internals.
            throw new Error(isCardError(error) ? error.message : messageForCode("INTERNAL"));
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.name = user.name;
          token.portal = "pro";
          const signedIn = user as { cardSerial?: string; sv?: number; authAt?: number };
          token.cardSerial = signedIn.cardSerial;
          token.sv = signedIn.sv;
          token.authAt = signedIn.authAt;
          token.seenAt = signedIn.authAt;
          return token;
        }
        // next-auth's own session endpoint: an ended or too old session is signed out
        // (throwing here makes next-auth clear the cookie) instead of being renewed.
        if (!(await loadProfessionalActor(prisma, proTokenFromClaims(token)))) throw new Error("Session terminée");
        // Renewed: inactivity counts from now on the sandbox clock (the professional's namespace, entered above).
        token.seenAt = platformNowMs();
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: token.name ?? null }, portal: token.portal };
      },
    },
  };
}
