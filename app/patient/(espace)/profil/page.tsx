import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { ActionForm } from "@/components/patient/action-form";
import { ContactDetailsForm, EmergencyContactForm } from "@/components/patient/contact-forms";
import { requirePatientActor } from "@/lib/auth/patient/session";
import { portalContactDetails, portalRecordOverview } from "@/lib/patient-portal";
import { addEmergencyContactAction, contactDetailsAction, removeEmergencyContactAction } from "./actions";

export const metadata: Metadata = { title: "Mon profil" };

export default async function ProfilePage() {
  const { actor, session } = await requirePatientActor();
  const [contact, overview] = await Promise.all([portalContactDetails(actor), portalRecordOverview(actor)]);
  return (
    <>
      <PageHeader title="Mon profil" description={<p>Identifiant de connexion : <strong>{session.loginId}</strong>. <Link href="/patient/changer-mot-de-passe" className="font-semibold text-blue-800 underline">Changer mon mot de passe</Link></p>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Mes coordonnées" description="Elles servent aux notifications de votre dossier et à l'envoi des codes de connexion.">
          <ContactDetailsForm action={contactDetailsAction} email={contact.email} phone={contact.phone} />
        </Card>
        <Card title="Personnes à prévenir en cas d'urgence">
          {contact.emergencyContacts.length === 0 ? <p>Aucune personne enregistrée.</p> : null}
          <ul className="flex flex-col gap-3">
            {contact.emergencyContacts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 p-3">
                <span>
                  <strong>{c.name}</strong> ({c.relationship}) — {c.phone}
                </span>
                {overview.recordStatus === "OPEN" ? <ActionForm action={removeEmergencyContactAction} fields={{ contactId: c.id }} label={`Retirer ${c.name}`} variant="secondary" /> : null}
              </li>
            ))}
          </ul>
          {overview.recordStatus === "OPEN" ? <EmergencyContactForm action={addEmergencyContactAction} /> : null}
        </Card>
      </div>
    </>
  );
}
