import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page introuvable" };

/** Shown inside the professional portal (its navigation stays): an unknown address or a page this card may not open. */
export default function ProPortalNotFound() {
  return (
    <>
      <PageHeader
        title="Page introuvable"
        description={<p>Cette page n&apos;existe pas ou vous n&apos;êtes pas autorisé à y accéder. Pour ouvrir un dossier, recherchez le patient.</p>}
      />
      <LinkButton href="/pro">Rechercher un patient</LinkButton>
    </>
  );
}
