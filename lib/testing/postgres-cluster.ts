import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * A throw-away PostgreSQL cluster for tests, CI and the bench: initdb in a temporary folder,
 * pg_ctl start on a spare local port, trust authentication on localhost only, stopped and
 * deleted by stop(). initdb refuses root: as root the cluster runs as the `postgres` user
 * (created by Debian's postgresql package).
 */
export type TPostgresCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  dataDir: string;
  stop: () => void;
};

const VERSIONS_DIR = "/usr/lib/postgresql";

/** The folder of initdb/pg_ctl of the newest installed version, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  if (!fs.existsSync(VERSIONS_DIR)) return null;
  const versions = fs
    .readdirSync(VERSIONS_DIR)
    .filter((v) => fs.existsSync(path.join(VERSIONS_DIR, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  const newest = versions[0];
  return newest ? path.join(VERSIONS_DIR, newest, "bin") : null;
}

function asClusterUser(): { uid?: number; gid?: number } {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export function startPostgresCluster(options: { port: number; binDir?: string }): TPostgresCluster {
  const binDir = options.binDir ?? postgresBinDir();
  if (!binDir) throw new Error("PostgreSQL n'est pas installé (apt-get install -y postgresql), ou définissez POSTGRES_BIN_DIR.");
  const user = asClusterUser();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "dmp-pg-"));
  const dataDir = path.join(root, "data");
  const socketDir = path.join(root, "socket");
  fs.mkdirSync(socketDir);
  if (user.uid !== undefined) {
    fs.chownSync(root, user.uid, user.gid!);
    fs.chownSync(socketDir, user.uid, user.gid!);
  }
  const run = (bin: string, args: string[]) => {
    const result = spawnSync(path.join(binDir, bin), args, { ...user, encoding: "utf8", cwd: root });
    if (result.status !== 0) throw new Error(`${bin} a échoué : ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  // fsync off: a throw-away cluster trades durability for speed.
  const serverOptions = `-k ${socketDir} -p ${options.port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run("pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", serverOptions, "-w", "start"]);
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${options.port}/postgres`,
    port: options.port,
    dataDir,
    stop: () => {
      if (stopped) return;
      stopped = true;
      spawnSync(path.join(binDir, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"], { ...user, cwd: root });
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
