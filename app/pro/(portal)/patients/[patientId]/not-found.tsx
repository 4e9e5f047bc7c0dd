import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

/** Same answer for an unknown record and a refused one: nobody learns that a record exists. */
export default function RecordNotFound() {
  return (
    <>
      <PageHeader title="Dossier introuvable" description={<p>Ce dossier n&apos;existe pas ou vous n&apos;êtes pas autorisé à y accéder.</p>} />
      <LinkButton href="/pro">Rechercher un patient</LinkButton>
    </>
  );
}
