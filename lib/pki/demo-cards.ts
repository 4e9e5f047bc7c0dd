import fs from "node:fs";
import path from "node:path";
import { databaseDataFolder, databaseUrl } from "@/lib/db/database-url";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import type { Db } from "@/lib/db/types";
import { CARD_FILE_EXTENSION, parseCardFile, type TCardFile } from "./card-file";

/** Every seeded card opens with this PIN and unblocks with this PUK (prisma/DEMO-CARDS.md). */
export const DEMO_PIN = "1234";
export const DEMO_PUK = "12345678";

/** The demo card page and files exist only with the development tools (DEV_TOOLS=1 or not production). */
export function isDemoCardsEnabled(): boolean {
  return isDevToolsEnabled();
}

/**
 * Where demo card files are kept: a "cards" folder next to the database file (git-ignored
 * prisma/data by default; each e2e database has its own). The schema has no column for
 * the encrypted key, so the file written at seed time is the only copy.
 */
export function demoCardsFolder(url: string = databaseUrl()): string {
  const base = databaseDataFolder(url);
  return path.join(base, "cards");
}

const SERIAL = /^[0-9A-F]{16,40}$/;

export function writeDemoCardFile(file: TCardFile, url?: string): string {
  const folder = demoCardsFolder(url);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${file.serial}${CARD_FILE_EXTENSION}`);
  fs.writeFileSync(target, `${JSON.stringify(file, null, 2)}\n`, { encoding: "utf8" });
  return target;
}

/** The card file's text for a serial, or null (unknown serial, no file, tools off). */
export function readDemoCardFile(serial: string): { text: string; file: TCardFile } | null {
  if (!isDemoCardsEnabled() || !SERIAL.test(serial)) return null;
  try {
    const text = fs.readFileSync(path.join(demoCardsFolder(), `${serial}${CARD_FILE_EXTENSION}`), "utf8");
    const file = parseCardFile(text);
    return file ? { text, file } : null;
  } catch {
    return null;
  }
}

export type TDemoCard = {
  serial: string;
  holderName: string;
  idNat: string;
  profession: string | null;
  specialty: string | null;
  isOperator: boolean;
  isSamuRegulator: boolean;
  structureName: string | null;
  status: "ACTIVE" | "OPPOSED" | "BLOCKED";
  expiresAt: Date;
  fileName: string;
};

/** The seeded cards whose file is available, for the demo page. */
export async function findDemoCards(db: Db): Promise<TDemoCard[]> {
  if (!isDemoCardsEnabled()) return [];
  const folder = demoCardsFolder();
  let serials: string[];
  try {
    serials = fs
      .readdirSync(folder)
      .filter((f) => f.endsWith(CARD_FILE_EXTENSION))
      .map((f) => f.slice(0, -CARD_FILE_EXTENSION.length))
      .filter((s) => SERIAL.test(s));
  } catch {
    return [];
  }
  const cards = await db.cpsCard.findMany({
    where: { serial: { in: serials } },
    include: { professional: { include: { structure: { select: { name: true } } } } },
    orderBy: [{ professional: { createdAt: "asc" } }, { issuedAt: "asc" }],
  });
  return cards.map((c) => ({
    serial: c.serial,
    holderName: [c.professional.title, c.professional.firstName, c.professional.lastName].filter(Boolean).join(" "),
    idNat: c.professional.idNat,
    profession: c.professional.profession,
    specialty: c.professional.specialty,
    isOperator: c.professional.isOperator,
    isSamuRegulator: c.professional.isSamuRegulator,
    structureName: c.professional.structure?.name ?? null,
    status: c.status,
    expiresAt: c.expiresAt,
    fileName: `carte-cps-${c.professional.lastName.normalize("NFD").replace(/[^A-Za-z]+/g, "-").toLowerCase()}-${c.serial}${CARD_FILE_EXTENSION}`,
  }));
}
