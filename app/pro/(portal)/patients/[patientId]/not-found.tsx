import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

/** Same answer for an unknown record and a refused one: nobody learns that a record exists. */
export default function RecordNotFound() {
  return (
    <>
      <PageHeader
        title="Dossier introuvable"
        description={
          <>
            <p>Ce dossier n&apos;existe pas ou vous n&apos;êtes pas autorisé à y accéder.</p>
            <p className="mt-2">
              Si vous n&apos;êtes pas encore autorisé sur le dossier de ce patient, ou si votre accès en urgence a pris fin, recherchez le
              patient : le résultat de la recherche mène au premier accès (avec son consentement) ou à l&apos;accès en urgence (bris de glace).
            </p>
          </>
        }
      />
      <LinkButton href="/pro">Rechercher un patient</LinkButton>
    </>
  );
}
