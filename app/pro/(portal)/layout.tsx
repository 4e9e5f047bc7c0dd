import Link from "next/link";
import type { ReactNode } from "react";
import { SessionKeepAlive, SignOutButton } from "@/components/pro/session-keep-alive";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { emergencyDoorDecision } from "@/lib/access/emergency-doors";
import { operatorDecision } from "@/lib/access/operator-only";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { signOutProfessional } from "./actions";

export const dynamic = "force-dynamic";

export default async function ProPortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireProfessionalActor();
  return (
    <>
      <SessionKeepAlive />
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg border border-slate-300 bg-slate-50 px-4 py-3">
        <p className="text-slate-800">
          <span className="font-semibold text-slate-900">{actor.name}</span>
          {" · "}
          {actor.profession ? professionWithSpecialtyLabel(actor.profession, actor.specialty) : "Personnel d'établissement"}
          {actor.structureName ? ` · ${actor.structureName}` : ""}
        </p>
        <nav aria-label="Portail professionnel">
          <ul className="flex flex-wrap items-center gap-3">
            <li>
              <Link href="/pro">Rechercher un patient</Link>
            </li>
            <li><Link href="/pro/rectifications">Demandes de rectification</Link></li>
            {emergencyDoorDecision(actor, "SAMU").allowed ? (
              <li>
                <Link href="/pro/regulation">Régulation SAMU-Centre 15</Link>
              </li>
            ) : null}
            {operatorDecision(actor).allowed ? (
              <li>
                <Link href="/pro/operateur">Espace opérateur</Link>
              </li>
            ) : null}
            <li>
              <SignOutButton action={signOutProfessional} />
            </li>
          </ul>
        </nav>
      </div>
      {children}
    </>
  );
}
