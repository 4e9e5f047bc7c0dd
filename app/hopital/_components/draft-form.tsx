"use client";

import { useActionState, useState } from "react";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import type { TFormState } from "@/components/ui/form-state";

export type TCatalogueOption = { id: string; name: string; typeLabel: string; title: string; body: string; priority: boolean };

type Props = {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  structurePatientId: string;
  catalogue: TCatalogueOption[];
  priorityLabel: string;
  authors: { id: string; label: string }[];
  defaultAuthorId: string;
  today: string;
};

/**
 * Step 1 of the deck's sequence: write the document (chosen in the establishment's
 * catalogue, the user's priority types first) and save it as a draft; the « Envoi DMP »
 * box appears on the draft.
 */
export function DraftForm({ action, structurePatientId, catalogue, priorityLabel, authors, defaultAuthorId, today }: Props) {
  const [state, formAction] = useActionState(action, {});
  const initial = catalogue[0] as TCatalogueOption;
  const [entryId, setEntryId] = useState(initial.id);
  const [title, setTitle] = useState(initial.title);
  const [body, setBody] = useState(initial.body);
  const priority = catalogue.filter((c) => c.priority);
  const others = catalogue.filter((c) => !c.priority);

  function choose(id: string) {
    const entry = catalogue.find((c) => c.id === id);
    if (!entry) return;
    setEntryId(id);
    setTitle(entry.title);
    setBody(entry.body);
  }
  const option = (c: TCatalogueOption) => (
    <option key={c.id} value={c.id}>
      {c.name} — {c.typeLabel}
    </option>
  );

  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-5">
      <FormMessage state={state} />
      <input type="hidden" name="structurePatientId" value={structurePatientId} />
      <SelectField id="catalogueEntryId" name="catalogueEntryId" label="Document du catalogue de l'établissement" hint={`En tête : ${priorityLabel}.`} value={entryId} onChange={(e) => choose(e.target.value)} required>
        {priority.length > 0 ? <optgroup label="Documents attendus en priorité">{priority.map(option)}</optgroup> : null}
        <optgroup label={priority.length > 0 ? "Autres documents du catalogue" : "Documents du catalogue"}>{others.map(option)}</optgroup>
      </SelectField>
      <InputField id="title" name="title" label="Titre du document" value={title} onChange={(e) => setTitle(e.target.value)} required />
      <SelectField id="authorId" name="authorId" label="Médecin auteur (responsable du document)" defaultValue={defaultAuthorId} options={authors.map((a) => ({ value: a.id, label: a.label }))} required />
      <InputField id="serviceDate" name="serviceDate" type="date" label="Date de l'acte" defaultValue={today} max={today} required />
      <TextareaField id="body" name="body" label="Contenu" rows={14} value={body} onChange={(e) => setBody(e.target.value)} required />
      <div>
        <SubmitButton pendingLabel="Enregistrement…">Enregistrer le brouillon</SubmitButton>
      </div>
    </form>
  );
}
