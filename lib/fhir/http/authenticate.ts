import type { TProfessionalActor } from "@/lib/access/actor";
import { Prisma, type ProfessionalKind } from "@/lib/generated/prisma/client";
import { cardHolder, type TCardHolderRow } from "@/lib/pki/card-holder";
import type { TFeedAuthor, TFeedCaller } from "@/lib/feed/ingest-bundle";
import { verifyAccessToken, type TTokenSubject } from "@/lib/oauth/access-token";
import { PROFESSIONAL_HEADER } from "../constants";
import { FhirError } from "../operation-outcome";
import { nowOf, type TFhirDeps } from "./deps";
import { queryRows } from "@/lib/db/raw-sql";

export async function authenticate(deps: TFhirDeps, request: Request): Promise<TTokenSubject> {
  return verifyAccessToken(deps.db, request.headers.get("authorization"), nowOf(deps));
}

type TProfessionalRow = TCardHolderRow & { idNat: string; kind: ProfessionalKind; structureId: string | null; namespaceId: string | null };

/** A professional and their structure's name, by IdNat_PS: raw SQL, as it runs on every indirect-mode API call. */
async function findProfessional(deps: TFhirDeps, by: { idNat: string }): Promise<TProfessionalRow | null> {
  const where = Prisma.sql`p.idNat = ${by.idNat}`;
  const [row] = await queryRows<Omit<TProfessionalRow, "structure" | "isSamuRegulator" | "isOperator"> & { isSamuRegulator: unknown; isOperator: unknown; structureName: string | null }>(deps.db, Prisma.sql`
    SELECT p.id, p.idNat, p.kind, p.title, p.firstName, p.lastName, p.profession, p.specialty, p.isSamuRegulator, p.isOperator, p.structureId, p.namespaceId, s.name AS structureName
    FROM Professional p LEFT JOIN Structure s ON s.id = p.structureId
    WHERE ${where}`);
  if (!row) return null;
  const { structureName, isSamuRegulator, isOperator, ...rest } = row;
  return { ...rest, isSamuRegulator: Boolean(isSamuRegulator), isOperator: Boolean(isOperator), structure: structureName === null ? null : { name: structureName } };
}

function namedIdNat(request: Request): string | null {
  const value = request.headers.get(PROFESSIONAL_HEADER)?.trim();
  if (!value) return null;
  if (!/^[0-9A-Za-z/]{6,40}$/.test(value)) throw new FhirError(400, "value", "En-tête X-DMP-Professional invalide : IdNat_PS attendu.");
  return value;
}

/** Indirect mode: the professional named by X-DMP-Professional, who must work in the structure. */
async function namedProfessional(deps: TFhirDeps, request: Request, structureId: string) {
  const idNat = namedIdNat(request);
  if (!idNat) return null;
  const p = await findProfessional(deps, { idNat });
  if (!p || p.structureId !== structureId) throw new FhirError(403, "forbidden", `Le professionnel ${idNat} n'exerce pas dans la structure authentifiée.`);
  return p;
}

/** ITI-65: who feeds, from the token (and in indirect mode the optional X-DMP-Professional). */
export async function feedCallerOf(deps: TFhirDeps, request: Request, subject: TTokenSubject): Promise<TFeedCaller> {
  if (subject.mode === "DIRECT") {
    if (!subject.structureId) throw new FhirError(403, "forbidden", "Alimentation refusée : le porteur de la carte n'est rattaché à aucune structure.");
    const known = subject.structure ? { structure: subject.structure, submitter: feedAuthorOf(subject.holder) } : undefined;
    return { mode: "DIRECT", structureId: subject.structureId, professionalId: subject.professionalId, known };
  }
  const named = await namedProfessional(deps, request, subject.structureId);
  return { mode: "INDIRECT", structureId: subject.structureId, professionalId: named?.id ?? null, known: { structure: subject.structure, submitter: named ? feedAuthorOf(named) : null } };
}

/** The submitter as ingestBundle knows authors, from the row the authentication already read. */
function feedAuthorOf(p: Pick<TProfessionalRow, "id" | "idNat" | "kind" | "title" | "firstName" | "lastName" | "profession" | "specialty" | "structureId">): TFeedAuthor {
  return { id: p.id, idNat: p.idNat, kind: p.kind, title: p.title, firstName: p.firstName, lastName: p.lastName, profession: p.profession, specialty: p.specialty, structureId: p.structureId };
}

/**
 * ITI-67/68: the professional who reads, as lib/access knows them. Direct mode: the card
 * holder. Indirect mode: the professional named by X-DMP-Professional (required), so the
 * access policy and the traces name a person, as in the portal.
 */
export async function readerActorOf(deps: TFhirDeps, request: Request, subject: TTokenSubject): Promise<TProfessionalActor> {
  // Direct mode: the card holder came with the token's own statement.
  const p = subject.mode === "DIRECT" ? subject.holder : await namedProfessional(deps, request, subject.structureId);
  if (!p) {
    throw new FhirError(403, "forbidden", "Mode indirect : désignez le professionnel qui consulte par l'en-tête X-DMP-Professional (IdNat_PS).");
  }
  // Named as in the portal (cardHolder), in the professional's sandbox namespace (SAME_SANDBOX_NAMESPACE).
  const { isOperator: _operator, ...holder } = cardHolder(p);
  return { kind: "PROFESSIONAL", ...holder, namespaceId: p.namespaceId };
}
