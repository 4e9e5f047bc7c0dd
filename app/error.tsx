"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

/**
 * Never shows the error's message or stack: they may carry internal details.
 * The digest only helps to find the server log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [error]);

  return (
    <div className="flex flex-col items-start gap-4">
      <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold text-slate-900 focus:outline-none">
        Une erreur est survenue
      </h1>
      <p className="max-w-2xl text-lg text-slate-700">
        La page n&apos;a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, revenez à
        l&apos;accueil.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => retry()}>
          Réessayer
        </Button>
        <LinkButton href="/" variant="secondary">
          Retour à l&apos;accueil
        </LinkButton>
      </div>
    </div>
  );
}
