/** A habilitation matrix row as stored (specialty "*" = every specialty of the profession). */
export type THabilitationRow = {
  profession: string;
  specialty: string;
  typeCode: string;
  canRead: boolean;
};

export type THabilitationEntry = { canRead: boolean; label: string };

/**
 * The matrix as it applies to one professional: for each document type, whether they may
 * read it and which row said so. A specialty row wins over the profession's "*" row;
 * a type with no row is refused.
 */
export type TResolvedHabilitation = ReadonlyMap<string, THabilitationEntry>;

export function rowLabel(row: Pick<THabilitationRow, "profession" | "specialty" | "typeCode" | "canRead">): string {
  return `matrice ${row.profession}/${row.specialty} × ${row.typeCode} : ${row.canRead ? "autorisé" : "refusé"}`;
}

export function resolveHabilitation(
  rows: readonly THabilitationRow[],
  profession: string | null,
  specialty: string | null,
): TResolvedHabilitation {
  const resolved = new Map<string, THabilitationEntry>();
  if (!profession) return resolved;
  for (const row of rows) {
    if (row.profession !== profession || row.specialty !== "*") continue;
    resolved.set(row.typeCode, { canRead: row.canRead, label: rowLabel(row) });
  }
  if (specialty) {
    for (const row of rows) {
      if (row.profession !== profession || row.specialty !== specialty) continue;
      resolved.set(row.typeCode, { canRead: row.canRead, label: rowLabel(row) });
    }
  }
  return resolved;
}

export function habilitationFor(h: TResolvedHabilitation, typeCode: string): THabilitationEntry {
  return h.get(typeCode) ?? { canRead: false, label: `matrice : aucune ligne pour ${typeCode}` };
}

export function readableTypeCodes(h: TResolvedHabilitation): string[] {
  return [...h.entries()].filter(([, e]) => e.canRead).map(([code]) => code);
}
