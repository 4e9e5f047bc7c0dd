"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";

/** The home of the portal the page belongs to: the way back that keeps the person where they were. */
function portalHome(pathname: string): { href: string; label: string } {
  if (pathname.startsWith("/patient/")) return { href: "/patient/tableau-de-bord", label: "Retour à mon espace" };
  if (pathname.startsWith("/pro/")) return { href: "/pro", label: "Rechercher un patient" };
  if (pathname.startsWith("/hopital/")) return { href: "/hopital", label: "Retour à l'accueil de l'établissement" };
  return { href: "/", label: "Retour à l'accueil" };
}

/**
 * Never shows the error's message or stack: they may carry internal details.
 * The digest only helps to find the server log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wayBack = portalHome(usePathname() ?? "/");

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
        l&apos;accueil de votre espace.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="button" onClick={() => retry()}>
          Réessayer
        </Button>
        <LinkButton href={wayBack.href} variant="secondary">
          {wayBack.label}
        </LinkButton>
      </div>
    </div>
  );
}
