import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { ReimbursementStatement } from "@/components/reimbursements/reimbursement-statement";
import { requirePatientActor } from "@/lib/auth/patient/session";

export const metadata: Metadata = { title: "Mes remboursements" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReimbursementsPage({ searchParams }: TProps) {
  const { actor } = await requirePatientActor();
  return (
    <>
      <PageHeader
        title="Mes remboursements"
        description={<p>Les soins remboursés ou pris en charge par l&apos;Assurance Maladie au cours des 24 derniers mois, tels qu&apos;elle les transmet à votre dossier.</p>}
      />
      <ReimbursementStatement patientId={actor.patientId} viewer={{ actor }} searchParams={await searchParams} />
    </>
  );
}
