import "server-only";
import { prisma } from "@/lib/db/client";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { expireEmergencyAccess } from "./expire-emergency-access";
import { findOpenEmergencyAccesses } from "./find-open-emergency-accesses";

/** /dev/urgences with the server's database bound; nothing when the development tools are off. */
export async function devOpenEmergencyAccesses() {
  if (!isDevToolsEnabled()) return [];
  return findOpenEmergencyAccesses(prisma);
}

export async function devExpireEmergencyAccess(id: string): Promise<boolean> {
  if (!isDevToolsEnabled()) return false;
  return expireEmergencyAccess(prisma, id);
}
