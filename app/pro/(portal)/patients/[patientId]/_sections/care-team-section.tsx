import { ActionForm } from "@/components/ui/action-form";
import { Pagination } from "@/components/ui/pagination";
import { DataTable } from "@/components/ui/table";
import type { TCareTeamPage } from "@/lib/records/get-professional-record";
import { professionWithSpecialtyLabel } from "@/lib/reference/professions";
import { blockProfessionalAction } from "../actions";

/** The treating doctor and the authorized professionals; the treating doctor may block one at the patient's request. */
export function CareTeamSection({
  patientId,
  base,
  careTeam,
  mayBlock,
  selfId,
}: {
  patientId: string;
  base: string;
  careTeam: TCareTeamPage;
  mayBlock: boolean;
  selfId: string;
}) {
  return (
    <section aria-labelledby="equipe" className="mb-10">
      <h2 id="equipe" className="mb-3 text-2xl font-semibold">
        Équipe de soins
      </h2>
      <DataTable
        caption={`${careTeam.total} professionnel${careTeam.total > 1 ? "s" : ""} de l'équipe de soins`}
        captionHidden
        rows={careTeam.items}
        rowKey={(m) => m.professionalId}
        emptyText="Aucun professionnel autorisé."
        columns={[
          { key: "name", header: "Professionnel", isRowHeader: true, cell: (m) => m.name },
          {
            key: "profession",
            header: "Profession",
            cell: (m) => (m.profession ? professionWithSpecialtyLabel(m.profession, m.specialty) : "Personnel d'établissement"),
          },
          { key: "role", header: "Rôle", cell: (m) => (m.isTreatingDoctor ? "Médecin traitant" : "Autorisé") },
          ...(mayBlock
            ? [
                {
                  key: "block",
                  header: "Action",
                  cell: (m: TCareTeamPage["items"][number]) =>
                    m.professionalId !== selfId ? (
                      <ActionForm action={blockProfessionalAction.bind(null, patientId, m.professionalId)} submitLabel={`Bloquer ${m.name} à la demande du patient`} variant="danger" />
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Pagination currentPage={careTeam.page} totalPages={careTeam.pageCount} basePath={base} searchParams={{ vue: "equipe" }} label="Pages de l'équipe de soins" />
    </section>
  );
}
