import crypto, { type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseDataFolder, databaseUrl } from "@/lib/db/database-url";

const KEY_FILE_NAME = ".trace-seal-key";

export type TSealKey = { privateKey: KeyObject; publicKey: KeyObject; keyId: string };

/** The key of each file already read by this process. */
const cache = new Map<string, TSealKey>();

/** Where the platform's sealing key lives: next to the database (DATABASE_URL's, or `url`'s), like the session secret. */
export function sealKeyFile(url: string = databaseUrl()): string {
  const fromEnv = process.env.TRACE_SEAL_KEY_FILE;
  if (fromEnv && fromEnv.trim() !== "") return fromEnv;
  const folder = databaseDataFolder(url);
  return path.join(folder, KEY_FILE_NAME);
}

/** SHA-256 of the public key (DER), hex, first 16 characters: names the key in each seal. */
export function publicKeyId(publicKey: KeyObject): string {
  return crypto.createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

function fromPem(pem: string): TSealKey {
  const privateKey = crypto.createPrivateKey(pem);
  const publicKey = crypto.createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

function readPem(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, "utf8");
    return value.trim() === "" ? undefined : value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The platform's sealing key if it exists (verification never creates one), else null. */
export function existingSealKey(file: string = sealKeyFile()): TSealKey | null {
  const known = cache.get(file);
  if (known) return known;
  const pem = readPem(file);
  if (!pem) return null;
  const key = fromPem(pem);
  cache.set(file, key);
  return key;
}

/**
 * The Ed25519 key that signs trace seals, created on first use (PKCS#8 PEM, mode 0600)
 * next to the database, so sealing works without configuration and survives restarts.
 */
export function sealKey(file: string = sealKeyFile()): TSealKey {
  const known = existingSealKey(file);
  if (known) return known;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pem = crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  // Written to a private temporary file, then linked into place: link() fails if another
  // process got there first (then theirs wins), and never exposes a half-written file.
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temporary, pem, { encoding: "utf8", mode: 0o600, flag: "wx" });
  try {
    fs.linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  const key = existingSealKey(file);
  if (!key) throw new Error(`Clé de scellement des traces illisible : ${file}`);
  return key;
}
