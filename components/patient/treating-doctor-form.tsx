"use client";

import { useActionState } from "react";
import { InputField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

export function TreatingDoctorForm({ action, doctors }: { action: (p: TFormState, f: FormData) => Promise<TFormState>; doctors: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-4" noValidate>
      <FormMessage state={state} />
      {doctors.length > 0 ? (
        <SelectField id="professionalId" name="professionalId" label="Médecin de mon équipe de soins" placeholder="Choisir un médecin" options={doctors} error={state.fieldErrors?.professionalId} />
      ) : null}
      <InputField id="rpps" name="rpps" label="Ou numéro RPPS du médecin" inputMode="numeric" hint="11 chiffres, indiqués sur ses ordonnances." error={state.fieldErrors?.rpps} />
      <SubmitButton>Désigner comme médecin traitant</SubmitButton>
    </form>
  );
}
