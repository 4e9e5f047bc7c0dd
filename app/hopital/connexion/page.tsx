import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CardSignInForm } from "@/components/pro/card-sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { isDemoCardsEnabled } from "@/lib/pki/demo-cards";

export const metadata: Metadata = { title: "Connexion au simulateur hospitalier" };

export default async function HospitalSignInPage() {
  if (await getProfessionalActor()) redirect("/hopital");
  return (
    <>
      <PageHeader
        eyebrow="Simulateur hospitalier"
        title="Connexion avec la carte CPS"
        description={<p>Médecin ou secrétaire médicale de l&apos;établissement : choisissez le fichier de votre carte et saisissez votre code porteur.</p>}
      />
      <CardSignInForm callbackUrl="/hopital" />
      {isDemoCardsEnabled() ? (
        <p className="mt-8">
          <Link href="/pro/cartes-demo">Cartes de démonstration</Link> (fichiers et codes porteur)
        </p>
      ) : null}
    </>
  );
}
