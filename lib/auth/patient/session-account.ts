import type { PrismaClient } from "@/lib/generated/prisma/client";
import { splitRepresentations } from "@/lib/access/representation";
import type { TPatientAccountSession } from "./actor-from-session";
import { PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS, PATIENT_SESSION_MAX_AGE, type TPatientToken } from "./session-token";
import { platformNow } from "@/lib/clock/clock";
import { enterNamespace, openNamespaceScope } from "@/lib/clock/namespace-scope";
import { queryRows } from "@/lib/db/raw-sql";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Patient sessions are signed tokens (JWT in a cookie) made revocable by a per-account
 * counter: a token carries the account's sessionVersion of its sign-in, and raising the
 * counter ends every session of the account at once (sign-out, password change or reset,
 * contact change). The check rides on the account lookup every request already makes.
 */
export function isPatientTokenLive(token: TPatientToken, sessionVersion: number, now: Date): boolean {
  const age = now.getTime() - token.authAt;
  const idle = token.seenAt === undefined ? 0 : now.getTime() - token.seenAt;
  return token.sv === sessionVersion && age >= 0 && age < PATIENT_SESSION_ABSOLUTE_MAX_AGE_MS && idle < PATIENT_SESSION_MAX_AGE * 1000;
}

type TAccountRow = {
  id: string;
  loginId: string;
  firstName: string;
  lastName: string;
  mustChangePassword: boolean | number | bigint;
  patientId: string | null;
  sessionVersion: number | bigint;
  namespaceId: string | null;
  relationship: string | null;
  representedId: string | null;
  representedFirstName: string | null;
  representedLastName: string | null;
  representedBirthDate: string | null;
  representedSex: string | null;
};

/** The signed-in account of a token, checked against the database, or null (unknown, revoked, too old). */
export async function loadPatientAccountSession(prisma: PrismaClient, token: TPatientToken | null, at?: Date): Promise<TPatientAccountSession | null> {
  openNamespaceScope();
  if (!token) return null;
  // Every signed-in request starts here: one raw statement (the account and its
  // representations joined), not a Prisma call compiled on each request (issue 14).
  const rows = await queryRows<TAccountRow>(prisma, Prisma.sql`
    SELECT a.id, a.loginId, a.firstName, a.lastName, a.mustChangePassword, a.patientId, a.sessionVersion, a.namespaceId,
      r.relationship, p.id AS representedId, p.firstName AS representedFirstName, p.lastName AS representedLastName, p.birthDate AS representedBirthDate, p.sex AS representedSex
    FROM Account a
      LEFT JOIN LegalRepresentation r ON r.accountId = a.id
      LEFT JOIN Patient p ON p.id = r.patientId
    WHERE a.id = ${token.sub}
    ORDER BY r.createdAt ASC, r.id ASC`);
  const first = rows[0];
  const account = first
    ? {
        id: first.id,
        loginId: first.loginId,
        firstName: first.firstName,
        lastName: first.lastName,
        mustChangePassword: Boolean(Number(first.mustChangePassword)),
        patientId: first.patientId,
        sessionVersion: Number(first.sessionVersion),
        namespaceId: first.namespaceId,
        representations: rows
          .filter((r) => r.representedId !== null)
          .map((r) => ({
            relationship: r.relationship ?? "",
            patient: { id: r.representedId as string, firstName: r.representedFirstName ?? "", lastName: r.representedLastName ?? "", birthDate: r.representedBirthDate ?? "", sex: r.representedSex === "M" || r.representedSex === "F" ? (r.representedSex as "M" | "F") : null },
          })),
      }
    : null;
  // The request goes on in the account's sandbox namespace: its clock (lib/clock/namespace-scope.ts).
  if (account) enterNamespace(account.namespaceId);
  const now = at ?? platformNow();
  if (!account || !isPatientTokenLive(token, account.sessionVersion, now)) return null;
  const represented = account.representations.map((r) => ({
    patientId: r.patient.id,
    name: `${r.patient.firstName} ${r.patient.lastName}`,
    birthDate: r.patient.birthDate,
    sex: r.patient.sex,
    relationship: r.relationship,
  }));
  // At 18 the representation ends by itself: the record leaves the switcher at once.
  const { minors, cameOfAge } = splitRepresentations(represented, now);
  return {
    accountId: account.id,
    loginId: account.loginId,
    name: `${account.firstName} ${account.lastName}`,
    mustChangePassword: account.mustChangePassword,
    ownPatientId: account.patientId,
    minors,
    cameOfAge,
    actingFor: token.actingFor,
    namespaceId: account.namespaceId,
  };
}

/** Ends every session of the account (one atomic statement). Returns the new version, for a session to carry on. */
export async function endPatientSessions(prisma: PrismaClient, accountId: string): Promise<number | null> {
  const [row] = await queryRows<{ sessionVersion: number | bigint }>(prisma, Prisma.sql`
    UPDATE Account SET sessionVersion = sessionVersion + 1 WHERE id = ${accountId} RETURNING sessionVersion`);
  return row ? Number(row.sessionVersion) : null;
}
