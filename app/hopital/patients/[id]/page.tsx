import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { getLetterForm } from "@/lib/feed/hospital-portal";
import { LETTER_TEMPLATES } from "@/lib/feed/letter-templates";
import { LETTER_FORMATS, MASKING_CHOICES } from "@/lib/feed/submit-hospital-letter";
import { formatNir } from "@/lib/identity/nir";
import { LetterForm } from "../../_components/letter-form";
import { validateLetterAction } from "./actions";
import { platformNow } from "@/lib/clock/clock";

export const metadata: Metadata = { title: "Rédiger un document — simulateur hospitalier" };

export default async function HospitalLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const { id } = await params;
  const form = await getLetterForm(actor, id);
  if (!form) notFound();
  const { patient, structure, authors } = form;
  const now = platformNow();
  const today = now.toISOString().slice(0, 10);
  const birth = patient.birthDate.split("-").reverse().join("/");
  const authorLabel = (a: (typeof authors)[number]) => [a.title, a.firstName, a.lastName].filter(Boolean).join(" ");
  const defaultAuthor = authors.find((a) => a.id === actor.professionalId) ?? authors[0];
  const context = {
    patientName: `${patient.firstName} ${patient.lastName.toUpperCase()}`,
    birthDate: birth,
    authorName: defaultAuthor ? authorLabel(defaultAuthor) : "",
    structureName: structure.name,
    today: new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(now),
  };
  const canSend = Boolean(patient.nir) && patient.identityStatus === "QUALIFIED";
  return (
    <>
      <PageHeader
        eyebrow={`Simulateur hospitalier — ${structure.name}`}
        title={`Nouveau document pour ${patient.firstName} ${patient.lastName.toUpperCase()}`}
        description={
          <p>
            Né(e) le {birth} · IPP {patient.localId} · {patient.nir ? `INS ${formatNir(patient.nir)}, rang ${patient.birthRank}` : "identité provisoire, sans NIR"}
          </p>
        }
        actions={<Link href="/hopital">Retour à la liste des patients</Link>}
      />
      <LetterForm
        action={validateLetterAction}
        structurePatientId={patient.id}
        templates={LETTER_TEMPLATES.map((t) => ({ id: t.id, label: `${t.label} (${t.typeCode})`, title: t.title, body: t.body(context) }))}
        authors={authors.map((a) => ({ id: a.id, label: authorLabel(a) }))}
        defaultAuthorId={defaultAuthor?.id ?? ""}
        today={today}
        canSend={canSend}
        maskingChoices={Object.entries(MASKING_CHOICES).map(([value, label]) => ({ value, label }))}
        formatChoices={Object.entries(LETTER_FORMATS).map(([value, label]) => ({ value, label }))}
      />
    </>
  );
}
