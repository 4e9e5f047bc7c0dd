import type { Metadata } from "next";
import { z } from "zod";
import { requestIp } from "@/lib/http/request-ip";
import { CardUnblockForm } from "@/components/pro/card-unblock-form";
import type { TFormState } from "@/components/ui/form-state";
import { PageHeader } from "@/components/ui/page-header";
import { unblockCardForBrowser } from "@/lib/pki/unblock-card-for-browser";

export const metadata: Metadata = { title: "Débloquer ma carte" };

const ZUnblock = z.object({ serial: z.string().max(64), puk: z.string().max(16) });

async function unblockAction(_state: TFormState, form: FormData): Promise<TFormState> {
  "use server";
  const parsed = ZUnblock.safeParse({ serial: form.get("serial") ?? "", puk: form.get("puk") ?? "" });
  if (!parsed.success || parsed.data.serial === "") {
    return { message: "Choisissez le fichier de la carte et saisissez le code de déblocage." };
  }
  const ip = await requestIp();
  const result = await unblockCardForBrowser(parsed.data, ip);
  return result.status === "done" ? { success: true } : { message: result.message };
}

export default function UnblockCardPage() {
  return (
    <>
      <PageHeader
        eyebrow="Portail professionnel"
        title="Débloquer ma carte"
        description={<p>Après 3 codes porteur erronés, la carte est bloquée. Le code de déblocage (PUK) la remet en service.</p>}
      />
      <CardUnblockForm action={unblockAction} />
    </>
  );
}
