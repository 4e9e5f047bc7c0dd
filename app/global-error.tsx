"use client";

import "./globals.css";

/** Replaces the root layout when the layout itself fails. Shows nothing of the error. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col items-start gap-4 p-8">
        <title>Erreur · DMP — simulateur</title>
        <h1 className="text-3xl font-bold text-slate-900">Une erreur est survenue</h1>
        <p className="max-w-2xl text-lg text-slate-700">
          Le simulateur n&apos;a pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste, revenez à l&apos;accueil.
        </p>
        <button
          type="button"
          onClick={() => retry()}
          className="min-h-11 rounded-md border-2 border-blue-800 bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900"
        >
          Réessayer
        </button>
        {/* A full page load, not a client navigation: the root layout is what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/" className="font-semibold text-blue-800 underline">
          Retour à l&apos;accueil
        </a>
      </body>
    </html>
  );
}
