import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { requestIp } from "@/lib/http/request-ip";
import { CardPinChangeForm } from "@/components/pro/card-pin-change-form";
import { PageHeader } from "@/components/ui/page-header";
import type { TChangeCardPinInput } from "@/lib/pki/change-card-pin";
import { changeCardPinForBrowser, type TChangeCardPinResult } from "@/lib/pki/change-card-pin-for-browser";

export const metadata: Metadata = { title: "Changer le code porteur" };

const ZChangePin = z.object({
  serial: z.string().min(1).max(64),
  nonce: z.string().max(100),
  signature: z.string().max(200),
  newPin: z.string().max(16),
  newSalt: z.string().max(100),
});

async function changePinAction(input: TChangeCardPinInput): Promise<TChangeCardPinResult> {
  "use server";
  const parsed = ZChangePin.safeParse(input);
  if (!parsed.success) {
    return { status: "error", message: "Choisissez le fichier de la carte et saisissez le code porteur actuel et le nouveau." };
  }
  const ip = await requestIp();
  return changeCardPinForBrowser(parsed.data, ip);
}

export default function ChangeCardPinPage() {
  return (
    <>
      <PageHeader
        eyebrow="Portail professionnel"
        title="Changer le code porteur"
        description={
          <p>
            La plateforme vérifie le code porteur actuel (une erreur compte comme à la connexion), puis la clé privée
            de la carte, ouverte dans votre navigateur, signe le changement : la clé ne quitte pas votre navigateur.
            Vous téléchargez ensuite le nouveau fichier de la carte ; l&apos;ancien ne sert plus à rien, ni pour se
            connecter, ni pour obtenir un jeton d&apos;API.
          </p>
        }
      />
      <CardPinChangeForm action={changePinAction} />
      <p className="mt-8">
        <Link href="/pro/connexion">Retour à la connexion avec la carte</Link>
      </p>
    </>
  );
}
