"use client";

import { useActionState } from "react";
import { ChoiceField, Fieldset, InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";
import { NewPasswordFields } from "./password-fields";

type TAction = (p: TFormState, f: FormData) => Promise<TFormState>;

export function OpeningIdentityForm({ action }: { action: TAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <InputField id="nir" name="nir" label="Numéro de sécurité sociale" hint="15 caractères, clé comprise, tels qu'inscrits sur votre carte Vitale." required autoComplete="off" defaultValue={v.nir} error={e.nir} />
      <InputField id="birthDate" name="birthDate" type="date" label="Date de naissance" required defaultValue={v.birthDate} error={e.birthDate} />
      <InputField
        id="birthRank"
        name="birthRank"
        type="number"
        min={1}
        max={9}
        label="Rang de naissance"
        hint="À modifier seulement si votre numéro est celui d'un parent, partagé avec un frère ou une sœur de même date de naissance (jumeaux) : 1 par défaut."
        defaultValue={v.birthRank ?? "1"}
        error={e.birthRank}
      />
      <InputField id="vitaleSerial" name="vitaleSerial" label="Numéro de série de la carte Vitale" hint="Au dos de votre carte Vitale." required autoComplete="off" defaultValue={v.vitaleSerial} error={e.vitaleSerial} />
      <InputField id="email" name="email" type="email" label="Adresse électronique" autoComplete="email" defaultValue={v.email} error={e.email} />
      <InputField id="phone" name="phone" type="tel" label="Téléphone mobile" autoComplete="tel" defaultValue={v.phone} error={e.phone} />
      <Fieldset id="channel" legend="Recevoir le code de confirmation" error={e.channel}>
        <ChoiceField id="channel-email" type="radio" name="channel" value="EMAIL" defaultChecked={(v.channel ?? "EMAIL") === "EMAIL"} label="Par courriel" />
        <ChoiceField id="channel-sms" type="radio" name="channel" value="SMS" defaultChecked={v.channel === "SMS"} label="Par SMS" />
      </Fieldset>
      <SubmitButton pendingLabel="Vérification…">Vérifier mon identité</SubmitButton>
    </form>
  );
}

export function OpeningConfirmationForm({ action, hint }: { action: TAction; hint: string }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const e = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <InputField id="code" name="code" label="Code à usage unique" hint={hint} inputMode="numeric" autoComplete="one-time-code" maxLength={6} required error={e.code} />
      <Fieldset id="notice" legend="Note d'information" error={e.acceptNotice}>
        <ChoiceField id="acceptNotice" type="checkbox" name="acceptNotice" label="J'ai lu la note d'information et j'accepte l'ouverture de mon DMP" />
      </Fieldset>
      <InputField id="loginId" name="loginId" label="Identifiant" hint="Choisissez votre identifiant de connexion : 6 caractères au moins (lettres sans accent, chiffres, . _ - @)." required autoComplete="username" defaultValue={state.values?.loginId} error={e.loginId} />
      <NewPasswordFields state={state} />
      <SubmitButton pendingLabel="Ouverture…">Ouvrir mon DMP</SubmitButton>
    </form>
  );
}
