import "server-only";
import { prisma } from "@/lib/db/client";
import type { TProActor } from "@/lib/auth/pro/pro-actor";
import { assertOperator } from "@/lib/access/operator-only";
import { findMatrixLines, getMatrixLine, setMatrixLine } from "@/lib/operator/habilitation-matrix";
import { findCards } from "@/lib/pki/find-cards";
import { opposeCard } from "@/lib/pki/oppose-card";
import { requestIp } from "@/lib/http/request-ip";

export async function operatorMatrixLines(actor: TProActor) {
  assertOperator(actor);
  return findMatrixLines(prisma);
}

export async function operatorMatrixLine(actor: TProActor, line: string) {
  assertOperator(actor);
  return getMatrixLine(prisma, line);
}

export async function operatorSetMatrixLine(actor: TProActor, line: string, readable: ReadonlySet<string>) {
  return setMatrixLine(prisma, actor, line, readable, { ipAddress: await requestIp() });
}

export async function operatorCards(actor: TProActor, query?: string) {
  assertOperator(actor);
  return findCards(prisma, { query });
}

export async function operatorOpposeCard(actor: TProActor, serial: string) {
  return opposeCard(prisma, actor, serial, { ipAddress: await requestIp() });
}
