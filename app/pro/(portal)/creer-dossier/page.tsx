import type { Metadata } from "next";
import Link from "next/link";
import { CreateMinorRecordForm } from "@/components/pro/create-minor-record-form";
import { CreateRecordForm } from "@/components/pro/create-record-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { formatNir } from "@/lib/identity/nir";
import { beneficiaryForRecordCreation } from "@/lib/pro/portal";
import { MINOR_RELATIONSHIPS } from "@/lib/records/create-minor-record";
import { createMinorRecordAction, createRecordAction } from "./actions";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Créer un DMP" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

const BACK = <Link href="/pro">Retour à la recherche</Link>;

export default async function CreateRecordPage({ searchParams }: { searchParams: TSearchParams }) {
  const actor = await requireProfessionalActor();
  const sp = await searchParams;
  const beneficiaryId = typeof sp.beneficiaire === "string" ? sp.beneficiaire : "";
  const b = await beneficiaryForRecordCreation(actor, beneficiaryId);
  if (!b) {
    return (
      <>
        <PageHeader eyebrow="Portail professionnel" title="Créer un DMP" />
        <Alert tone="danger">Personne introuvable au registre de l&apos;Assurance Maladie. Recherchez-la à nouveau.</Alert>
        <p className="mt-4">{BACK}</p>
      </>
    );
  }
  const name = `${b.firstName} ${b.lastName}`;
  return (
    <>
      <PageHeader
        eyebrow="Portail professionnel"
        title={`Créer le DMP ${ofName(name)}`}
        description={
          b.isMinor ? (
            <p>
              Enfant mineur : avec l&apos;accord d&apos;un représentant légal, qui accède ensuite au dossier depuis son propre compte. Son identité vient
              du registre de l&apos;Assurance Maladie et ne peut pas être modifiée ici.
            </p>
          ) : (
            <p>Avec l&apos;accord du patient. Son identité vient du registre de l&apos;Assurance Maladie et ne peut pas être modifiée ici.</p>
          )
        }
      />
      <section aria-labelledby="identite" className="mb-8 max-w-2xl rounded-lg border border-slate-300 bg-white p-5">
        <h2 id="identite" className="mb-3 text-xl font-semibold">
          Identité (registre de l&apos;Assurance Maladie)
        </h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">NIR</dt>
          <dd>{formatNir(b.nir)}</dd>
          <dt className="font-semibold">Date de naissance</dt>
          <dd>{day(b.birthDate)}</dd>
          <dt className="font-semibold">Rang de naissance</dt>
          <dd>{b.birthRank}</dd>
          <dt className="font-semibold">Nom</dt>
          <dd>{b.lastName.toUpperCase()}</dd>
          {b.birthName ? (
            <>
              <dt className="font-semibold">Nom de naissance</dt>
              <dd>{b.birthName.toUpperCase()}</dd>
            </>
          ) : null}
          <dt className="font-semibold">Prénom</dt>
          <dd>{b.firstName}</dd>
          <dt className="font-semibold">Sexe</dt>
          <dd>{b.sex === "F" ? "Féminin" : "Masculin"}</dd>
        </dl>
      </section>
      {b.hasRecord ? (
        <>
          <Alert tone="warning">Un dossier existe déjà pour cette personne : ouvrez-le depuis la recherche.</Alert>
          <p className="mt-4">{BACK}</p>
        </>
      ) : b.isMinor ? (
        <CreateMinorRecordForm action={createMinorRecordAction.bind(null, b.beneficiaryId)} relationships={MINOR_RELATIONSHIPS} />
      ) : (
        <CreateRecordForm action={createRecordAction.bind(null, b.beneficiaryId)} />
      )}
    </>
  );
}
