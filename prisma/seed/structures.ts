import type { Structure } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { finess } from "./identifiers";

export type TStructureKey = "hospital" | "ehpad" | "gpPractice" | "samu" | "pharmacy" | "dentalPractice";

export type TDemoStructure = {
  key: TStructureKey;
  finess: string;
  name: string;
  kind: Structure["kind"];
  city: string;
  department: string;
  /** Printed on letters only (the schema keeps the city). */
  address: string;
};

export const DEMO_STRUCTURES: readonly TDemoStructure[] = [
  { key: "hospital", finess: finess("75010012"), name: "Hôpital Saint-Martin", kind: "HOSPITAL", city: "Paris", department: "75", address: "12 rue Saint-Martin, 75010 Paris" },
  { key: "ehpad", finess: finess("94001725"), name: "EHPAD Les Glycines", kind: "EHPAD", city: "Vincennes", department: "94", address: "8 avenue des Glycines, 94300 Vincennes" },
  { key: "gpPractice", finess: finess("93002145"), name: "Cabinet médical des Lilas", kind: "PRACTICE", city: "Les Lilas", department: "93", address: "25 rue de Paris, 93260 Les Lilas" },
  { key: "samu", finess: finess("75080344"), name: "SAMU 75 - Centre 15", kind: "SAMU", city: "Paris", department: "75", address: "2 place du Samu, 75015 Paris" },
  { key: "pharmacy", finess: finess("93004561"), name: "Pharmacie du Marché", kind: "PRACTICE", city: "Les Lilas", department: "93", address: "3 place du Marché, 93260 Les Lilas" },
  { key: "dentalPractice", finess: finess("93004812"), name: "Cabinet dentaire Voltaire", kind: "PRACTICE", city: "Montreuil", department: "93", address: "41 rue Voltaire, 93100 Montreuil" },
];

export async function createStructures(prisma: Db, now: Date): Promise<Record<TStructureKey, Structure>> {
  await prisma.structure.createMany({
    data: DEMO_STRUCTURES.map((s) => ({ finess: s.finess, name: s.name, kind: s.kind, city: s.city, department: s.department, createdAt: now })),
  });
  const rows = await prisma.structure.findMany({ where: { finess: { in: DEMO_STRUCTURES.map((s) => s.finess) } } });
  const created = {} as Record<TStructureKey, Structure>;
  for (const s of DEMO_STRUCTURES) {
    const row = rows.find((r) => r.finess === s.finess);
    if (!row) throw new Error(`Seed: structure ${s.name} was not created`);
    created[s.key] = row;
  }
  return created;
}

export function structureAddress(key: TStructureKey): string {
  return DEMO_STRUCTURES.find((s) => s.key === key)?.address ?? "";
}
