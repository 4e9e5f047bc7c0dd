import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Document introuvable" };

/** Another patient's document, one hidden from this reader, an unknown id: the same page (and the content link answers it too). */
export default function PatientDocumentNotFound() {
  return (
    <>
      <PageHeader title="Document introuvable" description={<p>Ce document n&apos;existe pas ou ne fait pas partie des documents que vous pouvez consulter.</p>} />
      <LinkButton href="/patient/documents">Retour à mes documents</LinkButton>
    </>
  );
}
