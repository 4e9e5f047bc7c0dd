import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseDataFolder, databaseUrl } from "@/lib/db/database-url";

const SECRET_FILE_NAME = ".session-secret";

/** The generated secret of each file already read by this process. */
const cache = new Map<string, string>();

/** Where the generated secret lives: next to the database file (prisma/data by default). */
export function sessionSecretFile(): string {
  const url = databaseUrl();
  const folder = databaseDataFolder(url);
  return path.join(folder, SECRET_FILE_NAME);
}

function readSecret(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, "utf8").trim();
    return value === "" ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * The secret that signs session tokens: NEXTAUTH_SECRET when set; otherwise a random
 * 32-byte secret created once (mode 0600) next to the database, so `npm start` works
 * without configuration and sessions survive a restart.
 */
export function sessionSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET;
  if (fromEnv && fromEnv.trim() !== "") return fromEnv;
  const file = sessionSecretFile();
  const known = cache.get(file) ?? readSecret(file);
  if (known) {
    cache.set(file, known);
    return known;
  }

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const generated = crypto.randomBytes(32).toString("base64url");
  // Written to a private temporary file, then linked into place: link() fails if another
  // process got there first (then theirs wins), and never exposes a half-written file.
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, `${generated}\n`, { encoding: "utf8", mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
    cache.set(file, generated);
    return generated;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readSecret(file);
    if (!winner) throw new Error(`Secret de session illisible : ${file}`);
    cache.set(file, winner);
    return winner;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
