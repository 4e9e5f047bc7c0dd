import type { ReactNode } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { CameOfAgeNotice } from "@/components/patient/came-of-age-notice";
import { PatientMenu } from "@/components/patient/patient-menu";
import { PatientNav } from "@/components/patient/patient-nav";
import { SessionKeeper } from "@/components/patient/session-keeper";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalRecordStatus } from "@/lib/patient-portal";
import { keepSessionAliveAction, signOutAction } from "../actions";
import { ofName } from "@/lib/text/french";

/** Every page of the signed-in area: session check (pages re-check in their own actions), navigation, sign-out. */
export default async function PatientAreaLayout({ children }: { children: ReactNode }) {
  const { actor, session } = await requirePatientActor();
  const recordStatus = await portalRecordStatus(actor);
  const canSwitch = session.minors.length > 0;
  const minorName = session.minors.find((m) => m.patientId === actor.patientId)?.name;
  return (
    <div className="flex flex-col gap-6">
      <SessionKeeper renew={keepSessionAliveAction} />
      <PatientMenu>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="min-w-0 break-words text-slate-900">
            Compte : <strong>{session.name}</strong>
            {actor.kind === "LEGAL_REPRESENTATIVE" ? (
              <>
                {" "}
                · représentant légal, dossier {minorName ? ofName(minorName).slice(0, -minorName.trim().length) : "de "}<strong>{minorName}</strong>
              </>
            ) : null}
          </p>
          <div className="flex flex-wrap items-center gap-3">
            {canSwitch ? (
              <Link href="/patient/choisir-dossier" className="font-semibold text-blue-800 underline">
                Changer de dossier
              </Link>
            ) : null}
            <form action={signOutAction}>
              <Button type="submit" variant="secondary" size="sm">
                Se déconnecter
              </Button>
            </form>
          </div>
        </div>
        <PatientNav />
      </PatientMenu>
      <CameOfAgeNotice people={session.cameOfAge ?? []} />
      {recordStatus === "CLOSED" ? (
        <Alert tone="warning" title="Dossier fermé">
          Les professionnels n&apos;y ont plus accès. Vous pouvez le consulter et le{" "}
          <Link href="/patient/dossier" className="font-semibold underline">
            réactiver
          </Link>
          .
        </Alert>
      ) : null}
      <div>{children}</div>
    </div>
  );
}
