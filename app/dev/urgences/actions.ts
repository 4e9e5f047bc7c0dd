"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { devExpireEmergencyAccess } from "@/lib/emergency/dev-emergency-tools";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { ZRowId } from "@/lib/http/row-id";

/** Development tool: the emergency access ends now, as if its duration had passed. */
export async function expireEmergencyAccessAction(form: FormData): Promise<void> {
  if (!isDevToolsEnabled()) notFound();
  const parsed = ZRowId.safeParse(form.get("id"));
  if (parsed.success) await devExpireEmergencyAccess(parsed.data);
  revalidatePath("/dev/urgences");
}
