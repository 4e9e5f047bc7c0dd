import Link from "next/link";
import type { TRecordSection } from "@/lib/records/get-professional-record";

const TAB = "inline-flex min-h-11 items-center rounded-t-md border border-b-0 px-4 font-semibold";

/**
 * The record's sections, each its own URL (?vue=…), so a page reads and sends only the
 * section shown; the history of the other professionals' accesses (treating doctor) is its
 * own page. Links, not an ARIA tablist: each one loads a page.
 */
export function RecordTabs({
  base,
  current,
  showReimbursements,
  showTraces,
}: {
  base: string;
  current: TRecordSection;
  showReimbursements: boolean;
  showTraces: boolean;
}) {
  const tabs: { href: string; label: string; section?: TRecordSection }[] = [
    { href: base, label: "Documents", section: "documents" },
    { href: `${base}?vue=synthese`, label: "Synthèse", section: "synthese" },
    { href: `${base}?vue=profil`, label: "Profil médical", section: "profil" },
    { href: `${base}?vue=equipe`, label: "Équipe de soins", section: "equipe" },
  ];
  if (showReimbursements) tabs.push({ href: `${base}?vue=remboursements`, label: "Remboursements", section: "remboursements" });
  if (showTraces) tabs.push({ href: `${base}/traces`, label: "Historique des accès" });
  return (
    <nav aria-label="Sections du dossier" className="mb-6 border-b border-slate-400">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.section === current ? "page" : undefined}
              className={t.section === current ? `${TAB} border-slate-400 bg-white text-slate-900` : `${TAB} border-transparent text-blue-800 underline`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
