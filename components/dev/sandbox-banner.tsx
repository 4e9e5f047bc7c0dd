import Link from "next/link";

/**
 * Shown on every page while the development tools are on (`npm start`'s default): the
 * inboxes, code reader, demo cards and expiry tools are open to anyone. A labelled region,
 * not an alert: it is read once in the page order, not announced on each navigation.
 */
export function SandboxBanner() {
  return (
    <section aria-label="Mode bac à sable" className="border-b border-amber-700 bg-amber-100 text-amber-950">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong>Mode bac à sable :</strong> les outils de développement sont ouverts à tous (courriels et SMS reçus, codes à
        usage unique, cartes CPS de démonstration, expiration des accès d&apos;urgence).{" "}
        <Link href="/dev" className="font-semibold text-amber-950 underline">
          Voir les outils du bac à sable
        </Link>
      </p>
    </section>
  );
}
