import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { CameOfAgeNotice } from "@/components/patient/came-of-age-notice";
import { getPatientAccountSession } from "@/lib/auth/patient/session";
import { chooseRecordAction, signOutAction } from "../actions";
import { ofName } from "@/lib/text/french";
import { bornOn } from "@/lib/text/french";

export const metadata: Metadata = { title: "Choisir un dossier" };

export default async function ChooseRecordPage({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const session = await getPatientAccountSession();
  if (!session) redirect("/patient/connexion");
  if (session.mustChangePassword) redirect("/patient/changer-mot-de-passe");
  const { erreur } = await searchParams;
  const choices = [
    ...(session.ownPatientId ? [{ patientId: session.ownPatientId, name: session.name, detail: "Mon propre dossier" }] : []),
    ...session.minors.map((m) => ({ patientId: m.patientId, name: m.name, detail: `${m.relationship} · ${bornOn(m.sex, m.birthDate)}` })),
  ];
  return (
    <>
      <PageHeader
        eyebrow="Mon espace santé · portail patient"
        title="Choisir le dossier à consulter"
        description={<p>En tant que représentant légal, vous agissez sur le dossier d&apos;un mineur. Choisissez le dossier à ouvrir.</p>}
      />
      {erreur ? <Alert tone="danger" className="mb-6">Ce dossier ne peut pas être ouvert.</Alert> : null}
      <CameOfAgeNotice people={session.cameOfAge ?? []} />
      {choices.length === 0 && (session.cameOfAge ?? []).length === 0 ? <Alert tone="info">Aucun dossier n&apos;est associé à votre compte.</Alert> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {choices.map((c) => (
          <li key={c.patientId}>
            <Card title={c.name} description={c.detail}>
              <form action={chooseRecordAction}>
                <input type="hidden" name="patientId" value={c.patientId} />
                <Button type="submit" aria-label={`Ouvrir le dossier ${ofName(c.name)}`}>
                  Ouvrir ce dossier
                </Button>
              </form>
            </Card>
          </li>
        ))}
      </ul>
      <form action={signOutAction} className="mt-8">
        <Button type="submit" variant="secondary">
          Se déconnecter
        </Button>
      </form>
    </>
  );
}
