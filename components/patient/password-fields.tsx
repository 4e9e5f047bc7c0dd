import { InputField } from "@/components/ui/field";
import type { TFormState } from "@/components/ui/form-state";

export const PASSWORD_RULES = [
  "au moins 12 caractères",
  "au moins une lettre majuscule et une lettre minuscule",
  "au moins un chiffre",
  "au moins un caractère spécial (par exemple ! ? @ # - _)",
];

/** "Nouveau mot de passe" and "Confirmer le mot de passe", with the rules shown. */
export function NewPasswordFields({ state }: { state: TFormState }) {
  return (
    <>
      <InputField
        id="newPassword"
        name="newPassword"
        type="password"
        label="Nouveau mot de passe"
        autoComplete="new-password"
        required
        hint={`Votre mot de passe doit comporter ${PASSWORD_RULES.join(", ")}.`}
        error={state.fieldErrors?.newPassword}
      />
      <InputField
        id="confirmPassword"
        name="confirmPassword"
        type="password"
        label="Confirmer le mot de passe"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.confirmPassword}
      />
    </>
  );
}
