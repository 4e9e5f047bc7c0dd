import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { getAdmissionsDesk } from "@/lib/hospital/portal";
import { ActionForm } from "@/components/ui/action-form";
import { confirmNirAction, correctIdentityAction } from "./actions";
import { bornOn, ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Bureau des admissions — simulateur hospitalier" };

const DATE = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function AdmissionsPage() {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const desk = await nullWhenNotFound(() => getAdmissionsDesk(actor));
  if (!desk) notFound();
  return (
    <>
      <PageHeader eyebrow={desk.structure.name} title="Bureau des admissions" actions={<Link href="/hopital">Retour à la liste des patients</Link>} />
      <section aria-labelledby="demandes" className="mb-10">
        <h2 id="demandes" className="mb-3 text-xl font-semibold">
          Demandes d&apos;ajout du NIR ({desk.requests.length})
        </h2>
        {desk.requests.length === 0 ? <p>Aucune demande en attente.</p> : null}
        <ul className="flex flex-col gap-4">
          {desk.requests.map((r) => (
            <li key={r.id} className="rounded-md border border-slate-300 bg-white p-4">
              <h3 className="font-semibold">
                {r.patient.lastName.toUpperCase()} {r.patient.firstName} — IPP {r.patient.localId}, {bornOn(r.patient.sex, r.patient.birthDate)}
              </h3>
              <p>
                {r.desk} · demandé le {DATE.format(r.requestedAt)} par {r.requestedBy}
                {r.note ? ` · ${r.note}` : ""}
              </p>
              <ActionForm action={confirmNirAction} submitLabel="Confirmer le NIR" label={`Confirmer le NIR ${ofName(`${r.patient.firstName} ${r.patient.lastName}`)}`} className="mt-3 flex max-w-xl flex-col gap-3">
                <input type="hidden" name="requestId" value={r.id} />
                <InputField id={`nir-${r.id}`} name="nir" label="NIR (n° INSEE et clé, copie de la carte Vitale)" inputMode="numeric" required />
                <InputField id={`rank-${r.id}`} name="birthRank" type="number" min={1} max={9} defaultValue={1} label="Rang de naissance" required />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ko">
        <h2 id="ko" className="mb-3 text-xl font-semibold">
          Identités en certification KO ({desk.certificationKo.length})
        </h2>
        <p className="mb-3">La date ou le rang de naissance diffère de celui du DMP : corrigez l&apos;identité, pièce d&apos;identité à l&apos;appui.</p>
        <ul className="flex flex-col gap-4">
          {desk.certificationKo.map((p) => (
            <li key={p.id} className="rounded-md border border-slate-300 bg-white p-4">
              <h3 className="font-semibold">
                {p.lastName.toUpperCase()} {p.firstName} — IPP {p.localId}, {bornOn(p.sex, p.birthDate)}, rang {p.birthRank}
              </h3>
              <ActionForm action={correctIdentityAction} submitLabel="Corriger l'identité" label={`Corriger l'identité ${ofName(`${p.firstName} ${p.lastName}`)}`} className="mt-3 flex max-w-xl flex-col gap-3">
                <input type="hidden" name="structurePatientId" value={p.id} />
                <InputField id={`birth-${p.id}`} name="birthDate" type="date" defaultValue={p.birthDate} label="Date de naissance" required />
                <InputField id={`birthRank-${p.id}`} name="birthRank" type="number" min={1} max={9} defaultValue={p.birthRank} label="Rang de naissance" required />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
