import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page introuvable" };

/** Any address of the hospital simulator no page serves: its not-found page. */
export default function UnknownHospitalPage(): never {
  notFound();
}
