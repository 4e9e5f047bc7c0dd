import type { TRecordHeader } from "./get-professional-record";

const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** « 14 h 05 »: the end of an emergency access, as a French reader says it (Paris time). */
function clock(at: Date): string {
  return TIME.format(at).replace(":", " h ");
}

/**
 * The access by which a professional reads the record, as its header shows it on every page:
 * the rule that granted it, and until when an emergency access lasts when that is known.
 */
export function recordAccessText(access: Pick<TRecordHeader["access"], "mode" | "description">, emergencyEndsAt?: Date | null): string {
  const until = access.mode !== "NORMAL" && emergencyEndsAt ? ` jusqu'à ${clock(emergencyEndsAt)}` : "";
  if (access.mode === "BREAK_GLASS") return `Accès en urgence (bris de glace)${until}`;
  return `Accès : ${access.description}${until}`;
}
