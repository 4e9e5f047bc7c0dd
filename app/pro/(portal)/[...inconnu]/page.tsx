import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page introuvable" };

/** Any address of the professional portal no page serves: its not-found page, inside the portal's layout. */
export default function UnknownProPage(): never {
  notFound();
}
