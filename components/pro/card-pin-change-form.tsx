"use client";

import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { CardRefusal } from "./card-refusal";
import { importCardSigningKey, newKeySalt, parseCardFile, PIN_PATTERN, signNonce, unwrapPrivateKey, wrapPrivateKey, type TCardFile } from "@/lib/pki/card-file";
import { postCardChallenge } from "./post-card-challenge";
import type { TChangeCardPinInput } from "@/lib/pki/change-card-pin";
import type { TChangeCardPinResult } from "@/lib/pki/change-card-pin-for-browser";

type TFieldName = "card" | "currentPin" | "newPin" | "newPinConfirmation";
type TFieldErrors = Partial<Record<TFieldName, string>>;

type TState =
  | { kind: "idle" }
  | { kind: "busy"; step: string }
  | { kind: "error"; message: string; isBlocked: boolean }
  | { kind: "done"; url: string; fileName: string };

const NOT_A_CARD = "Ce fichier n'est pas une carte CPS du simulateur (fichier .cps.json attendu).";
const FIELD_ORDER: readonly TFieldName[] = ["card", "currentPin", "newPin", "newPinConfirmation"];

async function readCard(file: FormDataEntryValue | null): Promise<TCardFile | string> {
  if (!(file instanceof File) || file.size === 0) return "Choisissez le fichier de votre carte CPS (.cps.json).";
  if (file.size > 100_000) return NOT_A_CARD;
  return parseCardFile(await file.text()) ?? NOT_A_CARD;
}

function pinErrors(currentPin: string, newPin: string, confirmation: string): TFieldErrors {
  const errors: TFieldErrors = {};
  if (!PIN_PATTERN.test(currentPin)) errors.currentPin = "Le code porteur actuel comporte exactement 4 chiffres.";
  if (!PIN_PATTERN.test(newPin)) errors.newPin = "Le nouveau code porteur comporte exactement 4 chiffres.";
  else if (newPin === currentPin) errors.newPin = "Le nouveau code porteur doit être différent du code porteur actuel.";
  if (confirmation === "") errors.newPinConfirmation = "Saisissez à nouveau le nouveau code porteur.";
  else if (confirmation !== newPin) errors.newPinConfirmation = "La confirmation ne correspond pas au nouveau code porteur.";
  return errors;
}

const PIN_INPUT = { type: "password", inputMode: "numeric", autoComplete: "off", maxLength: 4, required: true } as const;

/**
 * The card reader's PIN change, in the browser: the platform checks (and counts) the current
 * PIN and returns a nonce and the key that unwraps the card's private key; the key signs the
 * nonce (proof the card was opened); the platform records the new PIN, rotates the card's
 * secret (every older file is retired) and returns the key to wrap the private key under
 * for the new file, offered for download. The key never leaves the page.
 */
export function CardPinChangeForm({ action }: { action: (input: TChangeCardPinInput) => Promise<TChangeCardPinResult> }) {
  const [state, setState] = useState<TState>({ kind: "idle" });
  const [errors, setErrors] = useState<TFieldErrors>({});
  const downloadUrl = state.kind === "done" ? state.url : null;

  useEffect(() => {
    if (!downloadUrl) return;
    return () => URL.revokeObjectURL(downloadUrl);
  }, [downloadUrl]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPin = String(form.get("currentPin") ?? "");
    const newPin = String(form.get("newPin") ?? "");
    const card = await readCard(form.get("card"));
    const found: TFieldErrors = { ...(typeof card === "string" ? { card } : {}), ...pinErrors(currentPin, newPin, String(form.get("newPinConfirmation") ?? "")) };
    setErrors(found);
    const firstInvalid = FIELD_ORDER.find((name) => found[name]);
    if (firstInvalid || typeof card === "string") {
      setState({ kind: "idle" });
      if (firstInvalid) formElement.querySelector<HTMLElement>(`#${firstInvalid}`)?.focus();
      return;
    }
    const fail = (message: string, isBlocked = false) => setState({ kind: "error", message, isBlocked });
    if (!window.crypto?.subtle) return fail("Votre navigateur ne permet pas la lecture de la carte (connexion non sécurisée).");

    try {
      setState({ kind: "busy", step: "Vérification du code porteur actuel…" });
      const challenge = await postCardChallenge(card, currentPin);
      if ("error" in challenge) return fail(challenge.error, challenge.refusal === "BLOCKED");
      setState({ kind: "busy", step: "Ouverture de la carte avec le code porteur actuel…" });
      const pkcs8 = await unwrapPrivateKey(card.encryptedKey, challenge.unwrapKey);
      if (!pkcs8) return fail("La clé de ce fichier ne s'ouvre pas : la carte est altérée.");
      try {
        const signature = await signNonce(await importCardSigningKey(pkcs8), challenge.nonce);
        const newSalt = newKeySalt();
        const result = await action({ serial: card.serial, nonce: challenge.nonce, signature, newPin, newSalt });
        if (result.status === "error") return fail(result.message, result.refusal === "BLOCKED");
        const encryptedKey = await wrapPrivateKey(pkcs8, result.wrapKey, { generation: result.generation, salt: newSalt });
        const newFile: TCardFile = { ...card, encryptedKey };
        const blob = new Blob([`${JSON.stringify(newFile, null, 2)}\n`], { type: "application/json" });
        setState({ kind: "done", url: URL.createObjectURL(blob), fileName: `carte-cps-${card.serial}.cps.json` });
      } finally {
        pkcs8.fill(0);
      }
    } catch {
      fail("Le changement de code porteur n'a pas abouti. Réessayez dans un instant.");
    }
  }

  if (state.kind === "done") {
    return (
      <Alert tone="success" title="Code porteur changé">
        <p>
          Le nouveau code porteur est enregistré. Votre ancien fichier de carte ne permet plus de vous connecter :
          téléchargez le nouveau fichier, protégé par le nouveau code, et conservez-le.
        </p>
        <p className="mt-3">
          <a href={state.url} download={state.fileName} className={buttonClasses()}>
            Télécharger ma carte avec le nouveau code
          </a>
        </p>
        <p className="mt-3">
          <Link href="/pro/connexion">Se connecter avec la carte</Link>
        </p>
      </Alert>
    );
  }

  const isBusy = state.kind === "busy";
  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-5" noValidate>
      {state.kind === "error" ? <CardRefusal title="Changement de code refusé" message={state.message} isBlocked={state.isBlocked} /> : null}
      <InputField
        id="card"
        name="card"
        type="file"
        accept=".json,application/json"
        label="Carte CPS (fichier)"
        hint="Le fichier .cps.json de votre carte."
        error={errors.card}
        required
      />
      <InputField
        id="currentPin"
        name="currentPin"
        {...PIN_INPUT}
        label="Code porteur actuel"
        hint="4 chiffres. Une erreur compte comme à la connexion : après 3 erreurs consécutives, la carte est bloquée."
        error={errors.currentPin}
      />
      <InputField
        id="newPin"
        name="newPin"
        {...PIN_INPUT}
        label="Nouveau code porteur"
        hint="Exactement 4 chiffres, différent du code actuel."
        error={errors.newPin}
      />
      <InputField
        id="newPinConfirmation"
        name="newPinConfirmation"
        {...PIN_INPUT}
        label="Confirmation du nouveau code porteur"
        error={errors.newPinConfirmation}
      />
      <div>
        <Button type="submit" disabled={isBusy} aria-busy={isBusy || undefined}>
          Changer le code porteur
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-slate-700">
        {state.kind === "busy" ? state.step : ""}
      </p>
    </form>
  );
}
