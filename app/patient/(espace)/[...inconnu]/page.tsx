import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page introuvable" };

/** Any address of the patient area no page serves: its not-found page, inside the area's layout. */
export default function UnknownPatientPage(): never {
  notFound();
}
