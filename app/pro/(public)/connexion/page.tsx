import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CardSignInForm } from "@/components/pro/card-sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { isDemoCardsEnabled } from "@/lib/pki/demo-cards";

export const metadata: Metadata = { title: "Connexion professionnel de santé" };

export default async function ProSignInPage() {
  if (await getProfessionalActor()) redirect("/pro");
  return (
    <>
      <PageHeader
        eyebrow="Portail professionnel"
        title="Connexion avec la carte CPS"
        description={
          <p>
            Choisissez le fichier de votre carte CPS simulée et saisissez votre code porteur. La clé privée de la carte
            reste dans votre navigateur : elle signe un défi envoyé par le DMP.
          </p>
        }
      />
      <CardSignInForm callbackUrl="/pro" />
      <ul className="mt-8 list-disc space-y-1 pl-6">
        <li>
          <Link href="/pro/debloquer">Débloquer ma carte</Link> (code de déblocage à 8 chiffres)
        </li>
        <li>
          <Link href="/pro/carte/code-porteur">Changer le code porteur de ma carte</Link>
        </li>
        {isDemoCardsEnabled() ? (
          <li>
            <Link href="/pro/cartes-demo">Cartes de démonstration</Link> (fichiers, codes porteur et de déblocage)
          </li>
        ) : null}
      </ul>
    </>
  );
}
