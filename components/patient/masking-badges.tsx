import { Badge } from "@/components/ui/badge";

type TFlags = { hiddenFromPros: boolean; hiddenFromLegalReps: boolean; isOpposed: boolean };

/** Text badges (never colour alone) for what a patient-visible document carries. */
export function MaskingBadges({ doc }: { doc: TFlags }) {
  const badges: { label: string; tone: "neutral" | "warning" | "danger" | "info" }[] = [];
  if (doc.hiddenFromPros) badges.push({ label: "Masqué aux professionnels", tone: "warning" });
  if (doc.hiddenFromLegalReps) badges.push({ label: "Invisible aux représentants légaux", tone: "info" });
  if (doc.isOpposed) badges.push({ label: "Opposition : retiré aux professionnels", tone: "danger" });
  if (badges.length === 0) badges.push({ label: "Non masqué", tone: "neutral" });
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <Badge key={b.label} tone={b.tone}>
          {b.label}
        </Badge>
      ))}
    </span>
  );
}

export const SOURCE_LABELS = { PROFESSIONAL: "Professionnel de santé", PATIENT: "Espace personnel", HOSPITAL_FEED: "Établissement (alimentation automatique)" } as const;
