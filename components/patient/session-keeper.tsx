"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const RENEW_EVERY_MS = 60_000;

/**
 * Renews the session (30 minutes of inactivity) at most once a minute while the person
 * is active on the page; without activity the session simply expires.
 */
export function SessionKeeper({ renew }: { renew: () => Promise<boolean> }) {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < RENEW_EVERY_MS) return;
      last = Date.now();
      void renew().then((alive) => {
        if (!alive) router.push("/patient/connexion?expire=1");
      });
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    for (const e of events) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  }, [renew, router]);
  return null;
}
