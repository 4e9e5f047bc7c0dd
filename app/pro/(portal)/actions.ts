"use server";

import { redirect } from "next/navigation";
import { clearProfessionalSession } from "@/lib/auth/pro/session";

export async function signOutProfessional(): Promise<void> {
  await clearProfessionalSession();
  redirect("/pro/connexion");
}
