"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

// Set when the professional signs out, so no renewal races the cookie's deletion.
let isSigningOut = false;

/**
 * Each page shown counts as activity: asks next-auth to renew the professional session
 * cookie (30 minutes without activity end it). Server components cannot set cookies.
 */
export function SessionKeepAlive() {
  const pathname = usePathname();
  useEffect(() => {
    if (isSigningOut || !pathname.startsWith("/pro") || pathname.startsWith("/pro/connexion")) return;
    void fetch("/api/auth/pro/session", { cache: "no-store" }).catch(() => undefined);
  }, [pathname]);
  return null;
}

/** The sign-out button: stops the renewals, then runs the sign-out server action. */
export function SignOutButton({ action }: { action: () => Promise<void> }) {
  return (
    <form
      action={action}
      onSubmit={() => {
        isSigningOut = true;
      }}
    >
      <Button type="submit" variant="secondary" size="sm">
        Se déconnecter
      </Button>
    </form>
  );
}
