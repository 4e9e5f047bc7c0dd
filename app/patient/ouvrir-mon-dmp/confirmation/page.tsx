import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { OpeningConfirmationForm } from "@/components/patient/opening-forms";
import { pendingRecordOpening } from "@/lib/patient-portal/record-opening";
import { confirmOpeningAction } from "../actions";

export const metadata: Metadata = { title: "Confirmer l'ouverture de mon DMP" };

export default async function ConfirmOpeningPage() {
  const pending = await pendingRecordOpening();
  return (
    <>
      <PageHeader eyebrow="Ouvrir mon DMP" title="Confirmer et choisir mon mot de passe" />
      {!pending ? (
        <Alert tone="warning">
          La demande a expiré.{" "}
          <Link href="/patient/ouvrir-mon-dmp" className="font-semibold underline">
            Recommencer
          </Link>
        </Alert>
      ) : (
        <div className="flex flex-col gap-8">
          <section aria-labelledby="note" className="max-w-3xl rounded-lg border border-slate-300 bg-white p-5 text-slate-800">
            <h2 id="note" className="mb-2 text-xl font-bold">Note d&apos;information sur le DMP</h2>
            <div className="flex flex-col gap-2">
              <p>Le Dossier Médical Partagé conserve vos informations de santé : comptes rendus, ordonnances, résultats d&apos;examens, et l&apos;historique de vos remboursements des 24 derniers mois.</p>
              <p>Les professionnels qui vous soignent peuvent le consulter et l&apos;alimenter, selon leur profession. Vous pouvez masquer un document, bloquer un professionnel, vous opposer aux accès en urgence, et voir chaque accès dans l&apos;historique.</p>
              <p>Vous pouvez fermer votre dossier à tout moment : il est alors conservé 10 ans, puis supprimé.</p>
            </div>
          </section>
          <OpeningConfirmationForm action={confirmOpeningAction} hint={`Code de 6 chiffres envoyé ${pending.hint}, valable 5 minutes.`} />
        </div>
      )}
    </>
  );
}
