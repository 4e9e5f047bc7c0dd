import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";
import { BackToRecordLink } from "./back-to-record-link";

export const metadata: Metadata = { title: "Document introuvable" };

/**
 * A document page (aperçu, visibilité, remplacement) of a document that is masked, refused or
 * unknown, or of a record that is not open: one page for all. The way back to the record is
 * only a link: the record page itself says whether the record is open.
 */
export default function ProDocumentNotFound() {
  return (
    <>
      <PageHeader title="Document introuvable" description={<p>Ce document n&apos;existe pas ou vous n&apos;êtes pas autorisé à le consulter.</p>} />
      <div className="flex flex-wrap gap-3">
        <BackToRecordLink />
        <LinkButton href="/pro" variant="secondary">
          Rechercher un patient
        </LinkButton>
      </div>
    </>
  );
}
