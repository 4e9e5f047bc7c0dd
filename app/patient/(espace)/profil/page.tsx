import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { ContactConfirmForm, ContactDetailsForm, EmergencyContactForm } from "@/components/patient/contact-forms";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalContactDetails, portalPendingContactChange, portalRecordOverview } from "@/lib/patient-portal";
import { addEmergencyContactAction, cancelContactChangeAction, confirmContactChangeAction, contactDetailsAction, removeEmergencyContactAction } from "./actions";

export const metadata: Metadata = { title: "Mon profil" };

const MESSAGES: Record<string, string> = {
  "coordonnees-confirmees": "Vos nouvelles coordonnées sont confirmées et enregistrées.",
  "modification-annulee": "La modification de vos coordonnées est annulée.",
};

export default async function ProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, session } = await requirePatientActor();
  const { message } = await searchParams;
  const flash = typeof message === "string" ? MESSAGES[message] : undefined;
  const [contact, overview, pending] = await Promise.all([portalContactDetails(actor), portalRecordOverview(actor), portalPendingContactChange(actor)]);
  return (
    <>
      <PageHeader title="Mon profil" description={<p>Identifiant de connexion : <strong>{session.loginId}</strong>. <Link href="/patient/changer-mot-de-passe" className="font-semibold text-blue-800 underline">Changer mon mot de passe</Link> · <Link href="/patient/securite" className="font-semibold text-blue-800 underline">Sécurité de la connexion</Link> · <Link href="/patient/droits" className="font-semibold text-blue-800 underline">Mes droits</Link></p>} />
      {flash ? <Alert tone="success" className="mb-6">{flash}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title="Mes coordonnées"
          description="Elles servent aux notifications de votre dossier et à l'envoi des codes de connexion. Une nouvelle adresse ou un nouveau numéro est confirmé par un code qui lui est envoyé."
        >
          {pending ? (
            <ContactConfirmForm confirm={confirmContactChangeAction} cancel={cancelContactChangeAction} destinationHint={pending.destinationHint} />
          ) : (
            <ContactDetailsForm action={contactDetailsAction} email={contact.email} phone={contact.phone} />
          )}
        </Card>
        <Card title="Personnes à prévenir en cas d'urgence">
          {contact.emergencyContacts.length === 0 ? <p>Aucune personne enregistrée.</p> : null}
          <ul className="flex flex-col gap-3">
            {contact.emergencyContacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 p-3">
                <span>
                  <strong>{c.name}</strong> ({c.relationship}) — {c.phone}
                </span>
                {overview.recordStatus === "OPEN" ? <ActionForm action={removeEmergencyContactAction} fields={{ contactId: c.id }} submitLabel={`Retirer ${c.name}`} variant="secondary" /> : null}
              </li>
            ))}
          </ul>
          {overview.recordStatus === "OPEN" ? <EmergencyContactForm action={addEmergencyContactAction} /> : null}
        </Card>
      </div>
    </>
  );
}
