"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage } from "@/components/ui/form-message";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";

type TAction = (prev: TFormState, formData: FormData) => Promise<TFormState>;

/** The sign-in step when the account uses an authenticator application. */
export function AuthenticatorCodeForm({ action }: { action: TAction }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  return (
    <form action={formAction} className="flex max-w-md flex-col gap-5" noValidate>
      <FormMessage state={state} />
      <InputField
        id="code"
        name="code"
        label="Code de l'application d'authentification"
        hint="Saisissez les 6 chiffres affichés par votre application. Sans votre téléphone, saisissez l'un de vos codes de secours (par exemple ABCD-EFGH) : chacun ne sert qu'une fois."
        autoComplete="one-time-code"
        maxLength={12}
        required
        error={state.fieldErrors?.code}
      />
      <SubmitButton pendingLabel="Vérification…">Valider le code</SubmitButton>
    </form>
  );
}

export type TAuthenticatorState = TFormState & {
  enrolment?: { uri: string; secretGroups: string; qrSvg: string };
  recoveryCodes?: string[];
  signInAgain?: boolean;
};

type TStateAction = (prev: TAuthenticatorState, formData: FormData) => Promise<TAuthenticatorState>;

/**
 * Enrolment: the secret (otpauth:// link and the key in groups) shown for this page only,
 * the first code, then the recovery codes, shown once.
 */
export function AuthenticatorEnrolment({ start, confirm, cancel }: { start: TStateAction; confirm: TStateAction; cancel: TStateAction }) {
  const [startState, startAction] = useActionState(start, {});
  const [confirmState, confirmAction] = useActionState(confirm, {});
  const [, cancelAction] = useActionState(cancel, {});
  const recoveryCodes = confirmState.recoveryCodes;
  if (recoveryCodes) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success">L&apos;application d&apos;authentification est activée. Vos prochaines connexions demanderont son code.</Alert>
        <h3 className="text-lg font-semibold">Vos codes de secours</h3>
        <p>
          Notez-les et gardez-les en lieu sûr : ils ne seront plus jamais affichés. Chacun permet une connexion sans votre téléphone, une seule fois.
        </p>
        <ul aria-label="Codes de secours" className="grid grid-cols-2 gap-2 font-mono text-lg">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }
  const enrolment = confirmState.enrolment ?? startState.enrolment;
  if (!enrolment || confirmState.message) {
    return (
      <form action={startAction} className="flex flex-col gap-3">
        <FormMessage state={confirmState.message ? confirmState : startState} />
        <p>
          Une application d&apos;authentification (par exemple FreeOTP, Aegis ou Google Authenticator) affiche un code qui change toutes les 30 secondes. Elle remplace le code reçu par courriel ou SMS.
        </p>
        <SubmitButton pendingLabel="Préparation…">Activer une application d&apos;authentification</SubmitButton>
      </form>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          Dans votre application, ajoutez un compte en photographiant ce code QR :
          {/* An inline SVG data URI: nothing for next/image to optimise. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
            alt="Code QR de la clé de l'application d'authentification (la même clé est écrite ci-dessous)"
            width={200}
            height={200}
            className="my-2 block rounded-md border border-slate-300 bg-white p-2"
          />
          ou à partir de ce lien :{" "}
          <a href={enrolment.uri} className="break-all font-semibold text-blue-800 underline">
            {enrolment.uri}
          </a>
        </li>
        <li>
          Ou saisissez à la main la clé : <strong data-testid="cle-totp" className="font-mono text-lg">{enrolment.secretGroups}</strong> (type « basé sur le temps », 6 chiffres, 30 secondes).
        </li>
        <li>Saisissez le code que l&apos;application affiche pour confirmer. Cette clé ne sera plus affichée ensuite.</li>
      </ol>
      <form action={confirmAction} className="flex max-w-md flex-col gap-4" noValidate>
        <InputField
          id="code"
          name="code"
          label="Code affiché par l'application"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          error={confirmState.fieldErrors?.code}
        />
        <SubmitButton pendingLabel="Vérification…">Confirmer et activer</SubmitButton>
      </form>
      <form action={cancelAction}>
        <SubmitButton variant="secondary" pendingLabel="Annulation…">
          Annuler l&apos;activation
        </SubmitButton>
      </form>
    </div>
  );
}

/** Disabling: refused without a fresh sign-in, with the way to sign in again. */
export function AuthenticatorDisable({ disable, signOut }: { disable: TStateAction; signOut: () => Promise<void> }) {
  const [state, action] = useActionState(disable, {});
  return (
    <div className="flex flex-col gap-3">
      <FormMessage state={state} />
      {state.signInAgain ? (
        <form action={signOut} className="flex flex-col gap-2">
          <p>Reconnectez-vous, puis revenez sur cette page dans les 5 minutes.</p>
          <SubmitButton variant="secondary" pendingLabel="Déconnexion…">
            Me reconnecter
          </SubmitButton>
        </form>
      ) : null}
      {state.success ? null : (
        <form action={action}>
          <SubmitButton variant="danger" pendingLabel="Désactivation…">
            Désactiver l&apos;application d&apos;authentification
          </SubmitButton>
        </form>
      )}
    </div>
  );
}
