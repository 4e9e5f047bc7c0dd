import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { OpeningIdentityForm } from "@/components/patient/opening-forms";
import { startOpeningAction } from "./actions";

export const metadata: Metadata = { title: "Ouvrir mon DMP" };

export default function OpenRecordPage() {
  return (
    <>
      <PageHeader
        eyebrow="Mon espace santé · portail patient"
        title="Ouvrir mon DMP"
        description={<p>Votre identité est vérifiée auprès de l&apos;Assurance Maladie. Indiquez ensuite une adresse électronique et/ou un numéro de mobile : un code vous sera envoyé pour les confirmer.</p>}
      />
      <OpeningIdentityForm action={startOpeningAction} />
    </>
  );
}
