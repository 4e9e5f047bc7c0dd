import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { SandboxBanner } from "@/components/dev/sandbox-banner";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    default: "DMP — simulateur",
    template: "%s · DMP — simulateur",
  },
  description:
    "Simulateur du Dossier Médical Partagé (Mon espace santé) : portail patient, portail professionnel, " +
    "simulateur hospitalier et API FHIR, avec des données entièrement fictives.",
  applicationName: "DMP — simulateur",
  robots: { index: false, follow: false },
};

const NAVIGATION = [
  { href: "/patient", label: "Patient" },
  { href: "/pro", label: "Professionnel" },
  { href: "/hopital", label: "Hôpital" },
] as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce, and
  // the sandbox banner follows the server's DEV_TOOLS.
  await connection();
  return (
    <html lang="fr">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-blue-900 focus:shadow-lg"
        >
          Aller au contenu
        </a>

        {isDevToolsEnabled() ? <SandboxBanner /> : null}

        <header className="border-b border-slate-300 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
            <Link href="/" className="flex items-center gap-3 rounded-sm text-xl font-bold text-blue-900 no-underline">
              <span aria-hidden="true" className="grid h-9 place-items-center rounded-md bg-blue-800 px-2 text-sm tracking-wide text-white">
                DMP
              </span>
              <span>DMP — simulateur</span>
            </Link>
            <nav aria-label="Portails">
              <ul className="flex flex-wrap gap-1">
                {NAVIGATION.map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      className="inline-flex min-h-10 items-center rounded-md px-3 font-medium text-slate-800 hover:bg-slate-100 hover:text-blue-900 hover:underline"
                    >
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </header>

        <main id="contenu" tabIndex={-1} className="flex-1 focus:outline-none">
          <div className="mx-auto w-full max-w-6xl px-4 py-8">{children}</div>
        </main>

        <footer className="border-t border-slate-300 bg-slate-100">
          <div className="mx-auto flex max-w-6xl flex-col gap-1 px-4 py-6 text-sm text-slate-700">
            <p>
              <strong className="text-slate-900">Simulateur.</strong> Ce site n&apos;est pas Mon espace santé : il
              reproduit le fonctionnement du Dossier Médical Partagé à des fins de démonstration et de test.
            </p>
            <p>Toutes les personnes, tous les professionnels et tous les documents présentés sont fictifs.</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
