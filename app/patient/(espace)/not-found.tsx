import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page introuvable" };

/** Shown inside the patient area (its navigation stays): an unknown address or a page this account may not see. */
export default function PatientAreaNotFound() {
  return (
    <>
      <PageHeader
        title="Page introuvable"
        description={<p>Cette page n&apos;existe pas ou ne fait pas partie de ce que vous pouvez consulter dans votre dossier.</p>}
      />
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/patient/documents">Retour à mes documents</LinkButton>
        <LinkButton href="/patient/tableau-de-bord" variant="secondary">
          Tableau de bord
        </LinkButton>
      </div>
    </>
  );
}
