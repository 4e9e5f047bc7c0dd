import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

export default function HospitalLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <p className="mb-4 rounded-md border border-amber-700 bg-amber-50 px-4 py-2 text-amber-950">
        Simulateur hospitalier (logiciel d&apos;établissement de type dossier patient informatisé) : les documents validés
        ici sont envoyés au DMP par l&apos;API FHIR du simulateur.
      </p>
      {children}
    </>
  );
}
