"use client";

import { useParams } from "next/navigation";
import { LinkButton } from "@/components/ui/link-button";

/** « Retour au dossier » of the record in the address (a not-found page gets no params). */
export function BackToRecordLink() {
  const { patientId } = useParams<{ patientId: string }>();
  return <LinkButton href={`/pro/patients/${encodeURIComponent(patientId)}`}>Retour au dossier</LinkButton>;
}
