import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { getProfessionalActor } from "@/lib/auth/pro/session";
import { getHospitalHome } from "@/lib/feed/hospital-portal";
import { establishmentMenu } from "@/lib/hospital/portal";
import { formatNir } from "@/lib/identity/nir";
import { ofName } from "@/lib/text/french";

export const metadata: Metadata = { title: "Simulateur hospitalier" };

function frenchDate(day: string): string {
  return day.split("-").reverse().join("/");
}

export default async function HospitalHomePage() {
  const actor = await getProfessionalActor();
  if (!actor) redirect("/hopital/connexion");
  const [home, menu] = await Promise.all([getHospitalHome(actor), establishmentMenu(actor)]);
  if (!home) {
    return (
      <>
        <PageHeader eyebrow="Simulateur hospitalier" title="Accès réservé aux établissements" />
        <Alert tone="warning">Votre carte n&apos;est pas rattachée à un établissement de santé : le simulateur hospitalier ne vous est pas ouvert.</Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader
        eyebrow={`Simulateur hospitalier — ${actor.name}`}
        title={home.structure.name}
        description={<p>Choisissez un patient de l&apos;établissement pour rédiger et valider un document.</p>}
        actions={
          <nav aria-label="Menu de l'établissement" className="flex flex-wrap gap-4">
            <Link href="/hopital/rapports">Rapports d&apos;alimentation du DMP</Link>
            {menu?.isAdmin ? <Link href="/hopital/catalogue">Catalogue des documents</Link> : null}
            {menu?.isAdmissions ? <Link href="/hopital/admissions">Bureau des admissions</Link> : null}
          </nav>
        }
      />
      <Table caption="Patients de l'établissement">
        <THead>
          <Tr>
            <Th>Patient</Th>
            <Th>IPP</Th>
            <Th>Naissance</Th>
            <Th>INS (NIR)</Th>
            <Th>Action</Th>
          </Tr>
        </THead>
        <TBody>
          {home.patients.map((p) => (
            <Tr key={p.id}>
              <Th scope="row">
                {p.lastName.toUpperCase()} {p.firstName}
              </Th>
              <Td>{p.localId}</Td>
              <Td>{frenchDate(p.birthDate)}</Td>
              <Td>{p.nir && p.identityStatus === "QUALIFIED" ? formatNir(p.nir) : <Badge tone="warning">Identité provisoire, sans NIR</Badge>}</Td>
              <Td>
                <span className="flex flex-wrap gap-4">
                  <Link href={`/hopital/patients/${p.id}`}>
                    Rédiger un document<span className="sr-only"> pour {p.firstName} {p.lastName}</span>
                  </Link>
                  <Link href={`/hopital/patients/${p.id}/suivi`}>
                    Suivi export<span className="sr-only"> {ofName(`${p.firstName} ${p.lastName}`)}</span>
                  </Link>
                </span>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </>
  );
}
