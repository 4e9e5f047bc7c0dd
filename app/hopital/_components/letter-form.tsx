"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ChoiceField, Fieldset, InputField, SelectField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TLetterFormState } from "./letter-form-state";

export type TTemplateOption = { id: string; label: string; title: string; body: string };

type Props = {
  action: (state: TLetterFormState, formData: FormData) => Promise<TLetterFormState>;
  structurePatientId: string;
  templates: TTemplateOption[];
  authors: { id: string; label: string }[];
  defaultAuthorId: string;
  today: string;
  canSend: boolean;
  maskingChoices: { value: string; label: string }[];
  formatChoices: { value: string; label: string }[];
};

const OUTCOME_TONE = { FED_OK: "success", CERTIFICATION_KO: "danger", RECORD_NOT_FOUND: "warning", RECORD_CLOSED: "warning", REJECTED: "danger" } as const;

export function LetterForm({ action, structurePatientId, templates, authors, defaultAuthorId, today, canSend, maskingChoices, formatChoices }: Props) {
  const [state, formAction] = useActionState(action, {});
  const first = templates[0] as TTemplateOption;
  const [templateId, setTemplateId] = useState(first.id);
  const [title, setTitle] = useState(first.title);
  const [body, setBody] = useState(first.body);
  const errors = state.fieldErrors ?? {};

  function chooseTemplate(id: string) {
    const t = templates.find((x) => x.id === id);
    if (!t) return;
    setTemplateId(id);
    setTitle(t.title);
    setBody(t.body);
  }

  return (
    <div className="flex flex-col gap-6">
      {state.result ? (
        state.result.sent ? (
          <Alert tone={OUTCOME_TONE[state.result.outcome]} title={`Résultat de l'envoi au DMP : ${state.result.outcomeLabel}`}>
            {state.result.message}
          </Alert>
        ) : (
          <Alert tone="info" title="Document validé">
            {state.result.reason}
          </Alert>
        )
      ) : null}
      {state.error ? (
        <Alert tone="danger" title="Erreur">
          {state.error}
        </Alert>
      ) : null}
      <form action={formAction} className="flex max-w-3xl flex-col gap-5">
        <input type="hidden" name="structurePatientId" value={structurePatientId} />
        <SelectField
          id="templateId"
          name="templateId"
          label="Modèle de courrier"
          value={templateId}
          onChange={(e) => chooseTemplate(e.target.value)}
          options={templates.map((t) => ({ value: t.id, label: t.label }))}
          required
        />
        <InputField id="title" name="title" label="Titre du document" value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title} required />
        <SelectField id="authorId" name="authorId" label="Médecin auteur (responsable du document)" defaultValue={defaultAuthorId} options={authors.map((a) => ({ value: a.id, label: a.label }))} error={errors.authorId} required />
        <InputField id="serviceDate" name="serviceDate" type="date" label="Date de l'acte" defaultValue={today} max={today} error={errors.serviceDate} required />
        <TextareaField id="body" name="body" label="Contenu" rows={16} value={body} onChange={(e) => setBody(e.target.value)} error={errors.body} required />
        <Fieldset id="masking" legend="Masquage à la validation">
          {maskingChoices.map((m, i) => (
            <ChoiceField key={m.value} id={`masking-${m.value}`} type="radio" name="masking" value={m.value} label={m.label} defaultChecked={i === 0} />
          ))}
        </Fieldset>
        <Fieldset id="format" legend="Format d'envoi au DMP">
          {formatChoices.map((f, i) => (
            <ChoiceField key={f.value} id={`format-${f.value}`} type="radio" name="format" value={f.value} label={f.label} defaultChecked={i === 0} />
          ))}
        </Fieldset>
        <ChoiceField
          id="sendToDmp"
          type="checkbox"
          name="sendToDmp"
          label="Envoi DMP"
          defaultChecked={canSend}
          disabled={!canSend}
          hint={
            canSend
              ? "Le document validé est envoyé au DMP du patient (identité INS qualifiée)."
              : "Envoi impossible : ce patient n'a pas d'identité qualifiée (pas de NIR). Le document reste dans le dossier de l'établissement."
          }
        />
        <div>
          <SubmitButton pendingLabel="Validation en cours…">Valider le document</SubmitButton>
        </div>
      </form>
    </div>
  );
}
