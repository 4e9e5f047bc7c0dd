import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page introuvable" };

export default function NotFound() {
  return (
    <>
      <PageHeader
        title="Page introuvable"
        description="La page demandée n'existe pas ou n'est plus disponible. Vérifiez l'adresse saisie."
      />
      <LinkButton href="/">Retour à l&apos;accueil</LinkButton>
    </>
  );
}
