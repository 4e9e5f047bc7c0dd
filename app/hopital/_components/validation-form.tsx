"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ChoiceField, Fieldset, InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import type { TFormState } from "@/components/ui/form-state";

type TChoice = { value: string; label: string; hint?: string };

type Props = {
  action: (state: TFormState, formData: FormData) => Promise<TFormState>;
  documentId: string;
  structurePatientId: string;
  /** null: the document may be sent; else why the « Envoi DMP » box is greyed (no NIR). */
  greyedBecause: string | null;
  /** The document may not be exported at all: no « Envoi DMP » box, only the reason. */
  notExportable: string | null;
  defaultTicked: boolean;
  defaultMasking: string;
  maskings: TChoice[];
  reasons: TChoice[];
  formats: TChoice[];
};

/**
 * Step 2: validate the draft. « Envoi DMP » is ticked by default for a catalogue
 * document; unticking asks for one of the deck's reasons. The masking starts from the
 * catalogue's default.
 */
export function ValidationForm({ action, documentId, structurePatientId, greyedBecause, notExportable, defaultTicked, defaultMasking, maskings, reasons, formats }: Props) {
  const [state, formAction] = useActionState(action, {});
  const [send, setSend] = useState(defaultTicked);
  const [reason, setReason] = useState("");
  const exportable = notExportable === null;
  return (
    <form action={formAction} className="flex max-w-3xl flex-col gap-5">
      <FormMessage state={state} />
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="structurePatientId" value={structurePatientId} />
      {exportable ? (
        <>
          <ChoiceField
            id="sendToDmp"
            type="checkbox"
            name="sendToDmp"
            label="Envoi DMP"
            checked={greyedBecause === null && send}
            onChange={(e) => setSend(e.target.checked)}
            disabled={greyedBecause !== null}
            hint={greyedBecause ?? "Coché par défaut : le document est envoyé au DMP du patient à la validation."}
          />
          {greyedBecause === null && !send ? (
            <Fieldset id="holdReason" legend="Motif du non-envoi au DMP" required>
              {reasons.map((r) => (
                <ChoiceField key={r.value} id={`holdReason-${r.value}`} type="radio" name="holdReason" value={r.value} label={r.label} checked={reason === r.value} onChange={() => setReason(r.value)} />
              ))}
              {reason === "OTHER" ? <InputField id="holdText" name="holdText" label="Précisez le motif" maxLength={300} required /> : null}
            </Fieldset>
          ) : null}
        </>
      ) : (
        <Alert tone="info" title="Document non exportable vers le DMP">
          {notExportable}
        </Alert>
      )}
      <Fieldset id="masking" legend="Masquage (choisi à la validation)">
        {maskings.map((m) => (
          <ChoiceField key={m.value} id={`masking-${m.value}`} type="radio" name="masking" value={m.value} label={m.label} hint={m.hint} defaultChecked={m.value === defaultMasking} />
        ))}
      </Fieldset>
      {exportable ? (
        <Fieldset id="format" legend="Format d'envoi au DMP">
          {formats.map((f, i) => (
            <ChoiceField key={f.value} id={`format-${f.value}`} type="radio" name="format" value={f.value} label={f.label} defaultChecked={i === 0} />
          ))}
        </Fieldset>
      ) : null}
      <div>
        <SubmitButton pendingLabel="Validation en cours…">Valider le document</SubmitButton>
      </div>
    </form>
  );
}
