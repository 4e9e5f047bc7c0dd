import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ChoiceField, Fieldset, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { CATALOGUE_TYPE_CODES } from "@/lib/hospital/catalogue";
import { HOSPITAL_MASKING_HINTS, HOSPITAL_MASKING_LABELS, HOSPITAL_MASKINGS } from "@/lib/hospital/masking";
import { getCatalogueForAdmin } from "@/lib/hospital/portal";
import { documentTypeLabel } from "@/lib/reference/document-types";
import { ActionForm } from "@/components/ui/action-form";
import { changeEntryAction } from "../actions";

export const metadata: Metadata = { title: "Modifier un document du catalogue — simulateur hospitalier" };

export default async function CatalogueEntryPage({ params }: { params: Promise<{ entryId: string }> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const { entryId } = await params;
  const catalogue = await nullWhenNotFound(() => getCatalogueForAdmin(actor));
  if (!catalogue) notFound();
  const entry = catalogue.entries.find((e) => e.id === entryId);
  if (!entry) notFound();
  return (
    <>
      <PageHeader eyebrow={`Catalogue — ${catalogue.structure.name}`} title={`Modifier « ${entry.name} »`} actions={<Link href="/hopital/catalogue">Retour au catalogue</Link>} />
      <ActionForm action={changeEntryAction} submitLabel="Enregistrer la modification" className="flex max-w-2xl flex-col gap-4">
        <input type="hidden" name="entryId" value={entry.id} />
        <input type="hidden" name="entryName" value={entry.name} />
        <SelectField
          id="typeCode"
          name="typeCode"
          label="Type DMP (JDV_J66)"
          defaultValue={entry.typeCode}
          options={CATALOGUE_TYPE_CODES.map((c) => ({ value: c, label: `${documentTypeLabel(c)} (${c})` }))}
          required
        />
        <Fieldset id="defaultMasking" legend="Masquage proposé à la validation">
          {HOSPITAL_MASKINGS.map((m) => (
            <ChoiceField key={m} id={`masking-${m}`} type="radio" name="defaultMasking" value={m} label={HOSPITAL_MASKING_LABELS[m]} hint={HOSPITAL_MASKING_HINTS[m]} defaultChecked={m === entry.defaultMasking} />
          ))}
        </Fieldset>
        <ChoiceField id="exported" type="checkbox" name="exported" label="Exporter vers le DMP" hint="Décoché : le document reste dans le logiciel de l'établissement, sans case « Envoi DMP »." defaultChecked={entry.exported} />
      </ActionForm>
    </>
  );
}
