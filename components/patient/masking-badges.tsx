import { BadgeGroup } from "@/components/ui/badge";
import type { TBadgePart } from "@/components/ui/table-rows";

type TFlags = { hiddenFromPros: boolean; hiddenFromLegalReps: boolean; isOpposed: boolean };

/** Text badges (never colour alone) for what a patient-visible document carries: table cell parts. */
export function maskingBadges(doc: TFlags): TBadgePart[] {
  const badges: TBadgePart[] = [];
  if (doc.hiddenFromPros) badges.push({ badge: "Masqué aux professionnels", tone: "warning" });
  if (doc.hiddenFromLegalReps) badges.push({ badge: "Invisible aux représentants légaux", tone: "info" });
  if (doc.isOpposed) badges.push({ badge: "Opposition : retiré aux professionnels", tone: "danger" });
  if (badges.length === 0) badges.push({ badge: "Non masqué", tone: "neutral" });
  return badges;
}

export function MaskingBadges({ doc }: { doc: TFlags }) {
  return <BadgeGroup badges={maskingBadges(doc)} />;
}

export const SOURCE_LABELS = { PROFESSIONAL: "Professionnel de santé", PATIENT: "Espace personnel", HOSPITAL_FEED: "Établissement (alimentation automatique)" } as const;
