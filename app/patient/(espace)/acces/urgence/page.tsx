import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { EmergencySettingsForm } from "@/components/patient/emergency-settings-form";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalRecordOverview } from "@/lib/patient-portal";
import { emergencySettingsAction } from "../actions";

export const metadata: Metadata = { title: "Accès en urgence" };

export default async function EmergencySettingsPage() {
  const { actor } = await requirePatientActor();
  const o = await portalRecordOverview(actor);
  return (
    <>
      <PageHeader
        eyebrow="Gérer les accès"
        title="Accès en urgence"
        description={<p>Choisissez si un professionnel peut consulter votre dossier en cas d&apos;urgence. Vous pouvez changer d&apos;avis à tout moment ; chaque accès en urgence vous est notifié et apparaît dans l&apos;historique.</p>}
      />
      {o.recordStatus === "CLOSED" ? <Alert tone="warning" className="mb-6">Votre dossier est fermé : réactivez-le pour modifier ces choix.</Alert> : null}
      <EmergencySettingsForm action={emergencySettingsAction} breakGlassAllowed={o.breakGlassAllowed} samuAllowed={o.samuAllowed} disabled={o.recordStatus === "CLOSED"} />
    </>
  );
}
