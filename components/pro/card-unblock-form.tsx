"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { parseCardFile } from "@/lib/pki/card-file";
import { EMPTY_FORM_STATE, type TFormState } from "@/components/ui/form-state";


/** Reads the card serial from the card file, then sends it with the PUK to the server action. */
export function CardUnblockForm({ action }: { action: (state: TFormState, form: FormData) => Promise<TFormState> }) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  const [serial, setSerial] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);

  async function onFile(file: File | undefined) {
    setSerial("");
    setFileError(null);
    if (!file) return;
    const card = file.size < 100_000 ? parseCardFile(await file.text()) : null;
    if (!card) setFileError("Ce fichier n'est pas une carte CPS du simulateur (fichier .cps.json attendu).");
    else setSerial(card.serial);
  }

  if (state.success) {
    return (
      <Alert tone="success" title="Carte débloquée">
        <p>Votre carte est débloquée : le compteur d&apos;erreurs du code porteur est remis à zéro.</p>
        <p className="mt-2">
          <Link href="/pro/connexion">Se connecter avec la carte</Link>
        </p>
      </Alert>
    );
  }

  return (
    <form action={formAction} className="flex max-w-xl flex-col gap-5">
      {state.message ? (
        <Alert tone="danger" title="Déblocage refusé">
          <p>{state.message}</p>
        </Alert>
      ) : null}
      <InputField
        id="card"
        type="file"
        accept=".json,application/json"
        label="Carte CPS (fichier)"
        error={fileError}
        required
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      <input type="hidden" name="serial" value={serial} />
      <InputField
        id="puk"
        name="puk"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        label="Code de déblocage (PUK)"
        hint="8 chiffres, remis avec la carte."
        required
      />
      <div>
        <SubmitButton pendingLabel="Déblocage en cours…">Débloquer la carte</SubmitButton>
      </div>
    </form>
  );
}
