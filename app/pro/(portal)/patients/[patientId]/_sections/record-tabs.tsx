import Link from "next/link";
import type { TRecordSection } from "@/lib/records/get-professional-record";

const TAB = "inline-flex min-h-11 items-center whitespace-nowrap rounded-t-md border border-b-0 px-4 font-semibold";

/** The record's tabs: its sections (?vue=…) and, for the treating doctor, the history page. */
export type TRecordTab = TRecordSection | "historique";

/**
 * The record's sections, each its own URL (?vue=…), so a page reads and sends only the
 * section shown; the history of the other professionals' accesses (treating doctor) is its
 * own page, reached from the same bar. Links, not an ARIA tablist: each one loads a page.
 * On a phone the bar scrolls sideways instead of stacking three rows above the content.
 */
export function RecordTabs({
  base,
  current,
  showReimbursements,
  showTraces,
}: {
  base: string;
  current: TRecordTab;
  showReimbursements: boolean;
  showTraces: boolean;
}) {
  const tabs: { href: string; label: string; tab: TRecordTab }[] = [
    { href: base, label: "Documents", tab: "documents" },
    { href: `${base}?vue=synthese`, label: "Synthèse", tab: "synthese" },
    { href: `${base}?vue=profil`, label: "Profil médical", tab: "profil" },
    { href: `${base}?vue=equipe`, label: "Équipe de soins", tab: "equipe" },
  ];
  if (showReimbursements) tabs.push({ href: `${base}?vue=remboursements`, label: "Remboursements", tab: "remboursements" });
  if (showTraces) tabs.push({ href: `${base}/traces`, label: "Historique", tab: "historique" });
  return (
    <nav aria-label="Sections du dossier" className="mb-6 overflow-x-auto border-b border-slate-400">
      <ul className="flex gap-1">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.tab === current ? "page" : undefined}
              className={t.tab === current ? `${TAB} border-slate-400 bg-white text-slate-900` : `${TAB} border-transparent text-blue-800 underline`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
