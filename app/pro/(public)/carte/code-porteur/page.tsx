import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { z } from "zod";
import { CardPinChangeForm } from "@/components/pro/card-pin-change-form";
import { PageHeader } from "@/components/ui/page-header";
import type { TChangeCardPinInput } from "@/lib/pki/change-card-pin";
import { changeCardPinForBrowser, type TChangeCardPinResult } from "@/lib/pki/change-card-pin-for-browser";

export const metadata: Metadata = { title: "Changer le code porteur" };

const ZChangePin = z.object({
  serial: z.string().min(1).max(64),
  currentPin: z.string().max(16),
  newPin: z.string().max(16),
  isKeyOpened: z.boolean(),
});

async function changePinAction(input: TChangeCardPinInput): Promise<TChangeCardPinResult> {
  "use server";
  const parsed = ZChangePin.safeParse(input);
  if (!parsed.success) {
    return { status: "error", message: "Choisissez le fichier de la carte et saisissez le code porteur actuel et le nouveau." };
  }
  const ip = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
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
            Le code porteur actuel ouvre la clé privée de la carte dans votre navigateur, qui la protège aussitôt par le
            nouveau code : la clé ne quitte pas votre navigateur. Vous téléchargez ensuite le nouveau fichier de la
            carte ; l&apos;ancien ne permet plus de se connecter.
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
