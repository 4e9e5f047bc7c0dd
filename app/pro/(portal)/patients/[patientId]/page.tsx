import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { LinkButton } from "@/components/ui/link-button";
import { EmergencySummarySection } from "@/components/pro/emergency-summary";
import { requireProfessionalActor } from "@/lib/auth/pro/session";
import { parseDocumentFilters } from "@/lib/documents/document-filters";
import { nullWhenNotFound } from "@/lib/errors/app-error";
import { viewRecord, viewRecordSection } from "@/lib/pro/portal";
import { RECORD_SECTIONS } from "@/lib/records/get-professional-record";
import { closeEmergencyAction } from "./acces/actions";
import { RecordTabs } from "./_sections/record-tabs";
import { RecordHeader } from "./_sections/record-header";
import { DocumentsSection } from "./_sections/documents-section";
import { SummarySection } from "./_sections/summary-section";
import { CareTeamSection } from "./_sections/care-team-section";
import { ReimbursementStatement } from "@/components/reimbursements/reimbursement-statement";
import { HealthProfileSection } from "@/components/pro/health-profile-section";

export const metadata: Metadata = { title: "Dossier du patient" };

type TProps = { params: Promise<{ patientId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The section in the URL (?vue=…), documents by default; the page number of the other sections. */
const ZSectionQuery = z.object({
  vue: z.enum(RECORD_SECTIONS).catch("documents").default("documents"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export default async function ProRecordPage({ params, searchParams }: TProps) {
  const actor = await requireProfessionalActor();
  const { patientId } = await params;
  const sp = await searchParams;
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) if (typeof v === "string") query[k] = v;
  const { vue, page } = ZSectionQuery.parse(query);
  const base = `/pro/patients/${patientId}`;

  type TLoaded = (Awaited<ReturnType<typeof viewRecord>> & { section: "documents" }) | Awaited<ReturnType<typeof viewRecordSection>>;
  const record = await nullWhenNotFound<TLoaded>(async () => vue === "documents" ? { ...(await viewRecord(actor, patientId, parseDocumentFilters(query))), section: "documents" as const } : viewRecordSection(actor, patientId, vue, page));
  if (!record) notFound();

  return (
    <>
      <RecordHeader
        record={record}
        base={base}
        isRecordPage
        emergencyEndsAt={record.emergency?.expiresAt}
        actions={<LinkButton href={`${base}/ajouter-document`}>Ajouter un document</LinkButton>}
      />
      {record.emergency ? (
        <EmergencySummarySection
          summary={record.emergency}
          documentHref={(documentId) => `${base}/documents/${documentId}`}
          closeAction={closeEmergencyAction.bind(null, patientId)}
        />
      ) : null}
      <RecordTabs base={base} current={vue} showReimbursements={record.access.maySeeReimbursements} showTraces={record.access.mayReadOtherProfessionalsTraces} />
      {record.section === "documents" ? <DocumentsSection patientId={patientId} base={base} documents={record.documents} query={query} /> : null}
      {record.section === "synthese" ? <SummarySection patientId={patientId} summary={record.summary} /> : null}
      {record.section === "equipe" ? (
        <CareTeamSection patientId={patientId} base={base} careTeam={record.careTeam} mayBlock={record.access.mayBlockAtPatientRequest} selfId={actor.professionalId} />
      ) : null}
      {record.section === "profil" ? <HealthProfileSection patientId={patientId} /> : null}
      {record.section === "remboursements" ? (
        <ReimbursementStatement
          patientId={patientId}
          viewer={{ actor }}
          searchParams={sp}
          fallback={<p>Aucun relevé de remboursement à afficher pour ce dossier.</p>}
        />
      ) : null}
    </>
  );
}
