import type { TCardFile } from "@/lib/pki/card-file";

export type TCardChallenge = { nonce: string; unwrapKey: string } | { error: string; refusal?: string };

/** Has the platform check (and count) the PIN for this card file: a nonce and the file's unwrapping key, or a refusal. */
export async function postCardChallenge(card: TCardFile, pin: string): Promise<TCardChallenge> {
  const response = await fetch("/api/pro/card-challenge", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ serial: card.serial, pin, generation: card.encryptedKey.generation, salt: card.encryptedKey.salt }),
  });
  return (await response.json()) as TCardChallenge;
}
