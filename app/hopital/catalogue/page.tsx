import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ChoiceField, Fieldset, InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { CATALOGUE_TYPE_CODES } from "@/lib/hospital/catalogue";
import { HOSPITAL_MASKING_LABELS, HOSPITAL_MASKINGS } from "@/lib/hospital/masking";
import { getCatalogueForAdmin } from "@/lib/hospital/portal";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { ActionForm } from "@/components/ui/action-form";
import { addEntryAction } from "./actions";

export const metadata: Metadata = { title: "Catalogue des documents exportés — simulateur hospitalier" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 200);

export default async function CataloguePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const catalogue = await nullWhenNotFound(() => getCatalogueForAdmin(actor));
  if (!catalogue) notFound();
  const query = await searchParams;
  const changed = first(query.modifie);
  const unchanged = first(query.inchange);
  const added = first(query.ajoute);
  return (
    <>
      <PageHeader
        eyebrow={`Administration — ${catalogue.structure.name}`}
        title="Catalogue des documents exportés vers le DMP"
        description={
          <p>
            Chaque document produit par le logiciel de l&apos;établissement porte son type DMP (JDV_J66) et le masquage proposé au médecin à la validation. Chaque
            modification est tracée.
          </p>
        }
        actions={<Link href="/hopital">Retour à la liste des patients</Link>}
      />
      {changed ? <Alert tone="success">« {changed} » a été modifié.</Alert> : null}
      {unchanged ? <Alert tone="info">« {unchanged} » : aucune modification.</Alert> : null}
      {added ? <Alert tone="success">« {added} » a été ajouté au catalogue.</Alert> : null}
      <Table caption={`Documents du catalogue (${catalogue.entries.length})`}>
        <THead>
          <Tr>
            <Th>Document</Th>
            <Th>Type DMP</Th>
            <Th>Masquage par défaut</Th>
            <Th>Export DMP</Th>
            <Th>Action</Th>
          </Tr>
        </THead>
        <TBody>
          {catalogue.entries.map((e) => (
            <Tr key={e.id}>
              <Th scope="row">{e.name}</Th>
              <Td>
                {documentTypeLabel(e.typeCode)} ({e.typeCode})
              </Td>
              <Td>{HOSPITAL_MASKING_LABELS[e.defaultMasking]}</Td>
              <Td>{e.exported ? <Badge tone="success">Exporté</Badge> : <Badge tone="warning">Non exporté</Badge>}</Td>
              <Td>
                <Link href={`/hopital/catalogue/${e.id}`}>
                  Modifier<span className="sr-only"> « {e.name} »</span>
                </Link>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <section aria-labelledby="ajout" className="mt-8 max-w-2xl">
        <h2 id="ajout" className="mb-3 text-xl font-semibold">
          Ajouter un document au catalogue
        </h2>
        <ActionForm action={addEntryAction} submitLabel="Ajouter au catalogue" label="Ajouter un document au catalogue">
          <InputField id="name" name="name" label="Nom du document" required />
          <SelectField id="typeCode" name="typeCode" label="Type DMP (JDV_J66)" options={CATALOGUE_TYPE_CODES.map((c) => ({ value: c, label: `${documentTypeLabel(c)} (${c})` }))} required />
          <Fieldset id="defaultMasking" legend="Masquage par défaut">
            {HOSPITAL_MASKINGS.map((m, i) => (
              <ChoiceField key={m} id={`add-masking-${m}`} type="radio" name="defaultMasking" value={m} label={HOSPITAL_MASKING_LABELS[m]} defaultChecked={i === 0} />
            ))}
          </Fieldset>
        </ActionForm>
      </section>
    </>
  );
}
