import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { getPatientAccountSession } from "@/lib/auth/patient/session";

export const metadata: Metadata = { title: "Portail patient" };

export default async function PatientHomePage() {
  if (await getPatientAccountSession()) redirect("/patient/tableau-de-bord");
  return (
    <>
      <PageHeader
        eyebrow="Mon espace santé · simulation"
        title="Mon DMP"
        description={<p>Consultez vos documents de santé, choisissez qui peut y accéder et suivez chaque accès à votre dossier.</p>}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <Card title="J'ai déjà un DMP" description="Identifiant et mot de passe, puis code à usage unique reçu par courriel ou SMS." footer={<LinkButton href="/patient/connexion">Me connecter</LinkButton>} />
        <Card
          title="Je n'ai pas encore de DMP"
          description="Munissez-vous de votre carte Vitale : votre identité est vérifiée auprès de l'Assurance Maladie."
          footer={
            <LinkButton href="/patient/ouvrir-mon-dmp" variant="secondary">
              Ouvrir mon DMP
            </LinkButton>
          }
        />
      </div>
    </>
  );
}
