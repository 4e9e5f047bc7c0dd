import type { FeedOutcome } from "@/lib/generated/prisma/enums";

/** The French wording of each feed outcome (reports, simulator, API diagnostics). */
export const FEED_OUTCOME_LABELS: Readonly<Record<FeedOutcome, string>> = {
  FED_OK: "Alimentation OK",
  CERTIFICATION_KO: "Certification KO (traits d'identité différents)",
  RECORD_NOT_FOUND: "DMP non trouvé",
  RECORD_CLOSED: "DMP fermé",
  REJECTED: "Rejeté",
};

export const FEED_OUTCOMES: readonly FeedOutcome[] = ["FED_OK", "CERTIFICATION_KO", "RECORD_NOT_FOUND", "RECORD_CLOSED", "REJECTED"];
