"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { CardRefusal } from "./card-refusal";
import { openSigningKey, parseCardFile, signNonce } from "@/lib/pki/card-file";
import { postCardChallenge } from "./post-card-challenge";

const AUTH_BASE = "/api/auth/pro";

type TState = { kind: "idle" } | { kind: "busy"; step: string } | { kind: "error"; message: string; isBlocked: boolean };

/**
 * The card reader, in the browser: reads the card file, sends the PIN to be checked (the
 * server counts wrong PINs) and gets back a nonce and the key that unwraps this file's
 * private key (the card's secret never leaves the platform), opens the key (WebCrypto),
 * signs the nonce and hands the signature to next-auth. The key never leaves the page.
 */
export function CardSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, setState] = useState<TState>({ kind: "idle" });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("card");
    const pin = String(form.get("pin") ?? "");
    const fail = (message: string, isBlocked = false) => setState({ kind: "error", message, isBlocked });
    if (!(file instanceof File) || file.size === 0) return fail("Choisissez le fichier de votre carte CPS (.cps.json).");
    if (!/^\d{4}$/.test(pin)) return fail("Le code porteur (PIN) comporte 4 chiffres.");
    if (file.size > 100_000) return fail("Ce fichier n'est pas une carte CPS du simulateur (fichier .cps.json attendu).");
    const card = parseCardFile(await file.text());
    if (!card) return fail("Ce fichier n'est pas une carte CPS du simulateur (fichier .cps.json attendu).");
    if (!window.crypto?.subtle) return fail("Votre navigateur ne permet pas la lecture de la carte (connexion non sécurisée).");

    try {
      setState({ kind: "busy", step: "Vérification du code porteur…" });
      const challenge = await postCardChallenge(card, pin);
      if ("error" in challenge) return fail(challenge.error, challenge.refusal === "BLOCKED");
      setState({ kind: "busy", step: "Signature du défi par la carte…" });
      const key = await openSigningKey(card.encryptedKey, challenge.unwrapKey);
      if (!key) return fail("La clé de ce fichier ne s'ouvre pas : la carte est altérée.");
      const signature = await signNonce(key, challenge.nonce);
      const csrf = (await (await fetch(`${AUTH_BASE}/csrf`)).json()) as { csrfToken: string };
      const body = new URLSearchParams({
        csrfToken: csrf.csrfToken,
        serial: card.serial,
        certificatePem: card.certificatePem,
        nonce: challenge.nonce,
        signature,
        callbackUrl,
        json: "true",
      });
      const response = await fetch(`${AUTH_BASE}/callback/cps`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
      const result = (await response.json().catch(() => ({}))) as { url?: string };
      const error = result.url ? new URL(result.url, window.location.origin).searchParams.get("error") : "Connexion impossible.";
      if (!response.ok || error) {
        const message = error && error !== "CredentialsSignin" ? error : "Connexion refusée.";
        return fail(message, message.startsWith("Carte bloquée"));
      }
      setState({ kind: "busy", step: "Connexion réussie, ouverture du portail…" });
      window.location.assign(callbackUrl);
    } catch {
      fail("La connexion n'a pas abouti. Réessayez dans un instant.");
    }
  }

  const isBusy = state.kind === "busy";
  return (
    <form onSubmit={onSubmit} className="flex max-w-xl flex-col gap-5" noValidate>
      {state.kind === "error" ? <CardRefusal title="Connexion refusée" message={state.message} isBlocked={state.isBlocked} /> : null}
      <InputField
        id="card"
        name="card"
        type="file"
        accept=".json,application/json"
        label="Carte CPS (fichier)"
        hint="Le fichier .cps.json de votre carte (en démonstration : page « Cartes de démonstration »)."
        required
      />
      <InputField
        id="pin"
        name="pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="\d{4}"
        maxLength={4}
        label="Code porteur (PIN)"
        hint="4 chiffres. Après 3 erreurs consécutives, la carte est bloquée."
        required
      />
      <div>
        <Button type="submit" disabled={isBusy} aria-busy={isBusy || undefined}>
          Se connecter avec la carte
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-slate-700">
        {state.kind === "busy" ? state.step : ""}
      </p>
    </form>
  );
}
