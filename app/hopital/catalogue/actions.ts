"use server";

import { redirect } from "next/navigation";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { addToCatalogue, changeCatalogueEntry } from "@/lib/hospital/portal";
import type { TFormState } from "@/components/ui/form-state";
import { actionError, CARD_SESSION_EXPIRED } from "@/lib/errors/action-result";


export async function changeEntryAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  let changed: boolean;
  try {
    changed = await changeCatalogueEntry(actor, {
      entryId: String(formData.get("entryId") ?? ""),
      typeCode: String(formData.get("typeCode") ?? ""),
      defaultMasking: String(formData.get("defaultMasking") ?? "") as never,
      exported: formData.get("exported") === "on",
    });
  } catch (error) {
    return actionError(error);
  }
  redirect(`/hopital/catalogue?${changed ? "modifie" : "inchange"}=${encodeURIComponent(String(formData.get("entryName") ?? ""))}`);
}

export async function addEntryAction(_previous: TFormState, formData: FormData): Promise<TFormState> {
  const actor = await getProfessionalActor();
  if (!actor) return CARD_SESSION_EXPIRED;
  let name: string;
  try {
    name = (
      await addToCatalogue(actor, {
        name: String(formData.get("name") ?? ""),
        typeCode: String(formData.get("typeCode") ?? ""),
        defaultMasking: String(formData.get("defaultMasking") ?? "") as never,
      })
    ).name;
  } catch (error) {
    return actionError(error);
  }
  redirect(`/hopital/catalogue?ajoute=${encodeURIComponent(name)}`);
}
