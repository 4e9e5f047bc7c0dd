import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { formatNir } from "@/lib/identity/nir";
import type { TRecordHeader } from "@/lib/records/get-professional-record";
import { recordAccessText } from "@/lib/records/record-access-text";

function day(d: string): string {
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

/**
 * Whose record and by which right, on every tab and every sub-page of the record: compact,
 * and kept in view while scrolling on a wide screen (on a phone it scrolls away, so that it
 * never covers what is read). On the record page the patient's name is the page's <h1>; on a
 * sub-page it links back to the record.
 */
export function RecordHeader({
  record,
  base,
  isRecordPage = false,
  emergencyEndsAt,
  actions,
}: {
  record: TRecordHeader;
  base: string;
  isRecordPage?: boolean;
  emergencyEndsAt?: Date | null;
  actions?: ReactNode;
}) {
  const { patient, access } = record;
  const name = `${patient.lastName.toUpperCase()} ${patient.firstName}`;
  return (
    <section
      aria-label="Dossier consulté"
      data-record-header
      className="mb-4 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 rounded-lg border border-slate-300 bg-white px-4 py-3 shadow-sm md:sticky md:top-0 md:z-20"
    >
      <div className="min-w-0">
        <p className="text-sm font-semibold uppercase tracking-wide text-blue-800">Dossier médical partagé</p>
        {isRecordPage ? (
          <h1 className="text-2xl font-bold break-words text-slate-900">{name}</h1>
        ) : (
          <p className="text-xl font-bold break-words">
            <Link href={base}>{name}</Link>
          </p>
        )}
        <p className="text-slate-700">
          {patient.sex === "F" ? "Née" : "Né"} le {day(patient.birthDate)} (rang {patient.birthRank}) · INS {formatNir(patient.nir)}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={access.mode === "NORMAL" ? "info" : "danger"}>{recordAccessText(access, emergencyEndsAt)}</Badge>
        {actions}
      </div>
    </section>
  );
}
