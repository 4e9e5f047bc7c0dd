import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page introuvable" };

/** The hospital simulator's not-found page: an unknown address, patient, document or catalogue entry. Needs no session. */
export default function HospitalNotFound() {
  return (
    <>
      <PageHeader
        eyebrow="Simulateur hospitalier"
        title="Page introuvable"
        description={<p>Cette page n&apos;existe pas, ou ce patient ou ce document ne relève pas de votre établissement.</p>}
      />
      <LinkButton href="/hopital">Retour à l&apos;accueil de l&apos;établissement</LinkButton>
    </>
  );
}
