"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { z } from "zod";
import { devExpireEmergencyAccess } from "@/lib/emergency/dev-emergency-tools";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";

const ZId = z.string().min(1).max(64);

/** Development tool: the emergency access ends now, as if its duration had passed. */
export async function expireEmergencyAccessAction(form: FormData): Promise<void> {
  if (!isDevToolsEnabled()) notFound();
  const parsed = ZId.safeParse(form.get("id"));
  if (parsed.success) await devExpireEmergencyAccess(parsed.data);
  revalidatePath("/dev/urgences");
}
