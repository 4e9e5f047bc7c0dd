import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { cachePrepare } from "./statement-cache";

type TBound = { reader: boolean; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } };
type TConnection = { prepare(sql: string): { bind(args: unknown[]): TBound; run(): unknown } };

/** A connection used the way the better-sqlite3 driver adapter uses it: prepare(sql).bind(args), then run or raw().all(). */
function connection(max?: number) {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
  const prepare = vi.spyOn(db, "prepare");
  cachePrepare(db as unknown as Parameters<typeof cachePrepare>[0], max);
  return { db: db as unknown as TConnection, prepare };
}

describe("cachePrepare", () => {
  it("compiles a SQL text once and runs it again with each call's own arguments", () => {
    const { db, prepare } = connection();
    for (const [id, name] of [[1, "a"], [2, "b"], [3, "c"]] as const) {
      expect(db.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([id, name]).run().changes).toBe(1);
    }
    const select = (id: number) => db.prepare("SELECT id, name FROM t WHERE id >= ? ORDER BY id").bind([id]);
    expect(select(2).reader).toBe(true);
    expect(select(2).columns().map((c) => c.name)).toEqual(["id", "name"]);
    expect(select(2).raw().all()).toEqual([[2, "b"], [3, "c"]]);
    expect(select(3).raw().all()).toEqual([[3, "c"]]);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it("keeps at most `max` texts, dropping the least recently used", () => {
    const { db, prepare } = connection(2);
    const run = (sql: string) => db.prepare(sql).bind([]).raw().all();
    run("SELECT 1");
    run("SELECT 2");
    run("SELECT 1"); // used again: SELECT 2 is now the oldest
    run("SELECT 3"); // drops SELECT 2
    run("SELECT 1");
    expect(prepare).toHaveBeenCalledTimes(3);
    run("SELECT 2");
    expect(prepare).toHaveBeenCalledTimes(4);
  });

  it("still answers a statement run without arguments (the adapter's BEGIN)", () => {
    const { db } = connection();
    db.prepare("BEGIN").run();
    db.prepare("INSERT INTO t (id, name) VALUES (?, ?)").bind([9, "z"]).run();
    db.prepare("ROLLBACK").run();
    expect(db.prepare("SELECT COUNT(*) FROM t").bind([]).raw().all()).toEqual([[0]]);
  });

  it("reads a statement's result columns once, whatever the arguments", () => {
    const { db } = connection();
    const native = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as { columns(): unknown[] };
    const columns = vi.spyOn(native, "columns");
    try {
      const select = (id: number) => db.prepare("SELECT id, name FROM t WHERE id >= ?").bind([id]);
      expect(select(1).columns().map((c) => c.name)).toEqual(["id", "name"]);
      expect(select(2).columns().map((c) => c.name)).toEqual(["id", "name"]);
      expect(columns).toHaveBeenCalledTimes(1);
    } finally {
      columns.mockRestore();
    }
  });
});
