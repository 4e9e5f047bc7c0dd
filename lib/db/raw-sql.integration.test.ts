/**
 * lib/db/raw-sql: the hot paths' statements go straight to SQLite, and must answer exactly
 * what Prisma's `$queryRaw` answers (types included: dates, booleans, 64-bit counts, bytes),
 * run inside the transaction of a transaction client and outside any other, and keep a
 * batch all or nothing. On PostgreSQL they go through Prisma: the same assertions hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { violatedConstraint } from "@/lib/db/violated-constraint";
import { seedDemo } from "@/prisma/seed";
import { executeAllOrNothing, executeSql, queryRows, runsDirectly } from "./raw-sql";

let t: TTestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ name: "raw-sql" });
  await seedDemo(t.prisma);
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
});

const quoted = (name: string) => `"${name}"`;

describe("raw SQL straight to the driver", () => {
  it("answers every column of every table exactly as $queryRaw does", async () => {
    const tables =
      t.engine === "sqlite"
        ? await t.prisma.$queryRaw<{ name: string }[]>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%'`
        : await t.prisma.$queryRaw<{ name: string }[]>`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name NOT LIKE '_prisma%'`;
    expect(tables.length).toBeGreaterThan(25);
    let compared = 0;
    for (const { name } of tables) {
      const sql = Prisma.sql`SELECT * FROM ${Prisma.raw(quoted(name))} ORDER BY 1 LIMIT 30`;
      const expected = await t.prisma.$queryRaw<Record<string, unknown>[]>(sql);
      expect(await queryRows(t.prisma, sql), name).toEqual(expected);
      compared += expected.length;
    }
    // The demo data fills the tables: the comparison is not over empty results.
    expect(compared).toBeGreaterThan(300);
    expect(runsDirectly(t.prisma)).toBe(t.engine === "sqlite");
  });

  it("answers expressions and every kind of argument as $queryRaw does", async () => {
    const at = new Date("2026-03-04T05:06:07.089Z");
    const sql =
      t.engine === "sqlite"
        ? Prisma.sql`SELECT COUNT(*) AS n, EXISTS (SELECT 1 FROM Patient) AS e, NULL AS empty, 1.5 AS half, ${"texte"} AS s, ${42} AS i,
            ${2.25} AS f, ${BigInt(9007199254740993)} AS big, ${true} AS yes, ${at} AS at, ${null} AS none,
            (SELECT COUNT(*) FROM Document WHERE submittedAt < ${at}) AS older
          FROM Patient`
        : Prisma.sql`SELECT COUNT(*) AS n, EXISTS (SELECT 1 FROM "Patient") AS e, NULL AS empty, 1.5 AS half, ${"texte"}::text AS s, ${42}::int AS i,
            ${2.25}::float8 AS f, ${BigInt(9007199254740993)}::bigint AS big, ${true}::boolean AS yes, ${at}::timestamp AS at, ${null}::text AS none,
            (SELECT COUNT(*) FROM "Document" WHERE "submittedAt" < ${at}) AS older
          FROM "Patient"`;
    const expected = await t.prisma.$queryRaw<Record<string, unknown>[]>(sql);
    const rows = await queryRows<Record<string, unknown>>(t.prisma, sql);
    expect(rows).toEqual(expected);
    expect(typeof rows[0]?.n).toBe("bigint");
    expect(rows[0]?.older).toBeGreaterThan(BigInt(0));
  });

  it("names members as $queryRaw does whatever the alias, and never touches the prototype", async () => {
    const sql = Prisma.sql`SELECT 1 AS "a ""quoted"" name", 2 AS "x", 3 AS "x", 4 AS "constructor", 5 AS "__proto__"`;
    const rows = await queryRows<Record<string, unknown>>(t.prisma, sql);
    const [row] = rows;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    const [expected] = await t.prisma.$queryRaw<Record<string, unknown>[]>(sql);
    for (const name of ['a "quoted" name', "x", "constructor"]) expect(row?.[name], name).toEqual(expected?.[name]);
    expect(Number(row?.x)).toBe(3);
  });

  it("runs a transaction client's statement inside its transaction, and another request's after it", async () => {
    const id = "raw-sql-tx";
    let seenInside: unknown[] = [];
    let seenOutside: unknown[] | null = null;
    let outside: Promise<void> | null = null;
    await t.prisma.$transaction(async (tx) => {
      await executeSql(tx, Prisma.sql`UPDATE "Patient" SET "birthName" = ${id} WHERE id = (SELECT id FROM "Patient" ORDER BY id LIMIT 1)`);
      seenInside = await queryRows(tx, Prisma.sql`SELECT id FROM "Patient" WHERE "birthName" = ${id}`);
      expect(runsDirectly(tx)).toBe(t.engine === "sqlite");
      // Started while the transaction is open: it must neither run inside it nor read its rows early.
      outside = queryRows(t.prisma, Prisma.sql`SELECT id FROM "Patient" WHERE "birthName" = ${id}`).then((rows) => {
        seenOutside = rows;
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (t.engine === "sqlite") expect(seenOutside).toBeNull();
      else expect(seenOutside).toEqual([]);
    });
    await outside;
    expect(runsDirectly(t.prisma)).toBe(t.engine === "sqlite");
    expect(seenInside).toHaveLength(1);
    if (t.engine === "sqlite") expect(seenOutside).toHaveLength(1);
  });

  it("never sends a transaction client kept after its transaction into another request's transaction", async () => {
    const mark = "raw-sql-stale";
    const kept: Prisma.TransactionClient[] = [];
    // One client that ran a direct statement in its transaction, one that never did.
    await t.prisma.$transaction(async (tx) => {
      kept.push(tx);
      await queryRows(tx, Prisma.sql`SELECT 1 AS one`);
    });
    await t.prisma.$transaction(async (tx) => {
      kept.push(tx);
    });
    const update = Prisma.sql`UPDATE "Patient" SET "birthName" = ${mark} WHERE id = (SELECT id FROM "Patient" ORDER BY id LIMIT 1)`;
    await t.prisma.$transaction(async (tx) => {
      await queryRows(tx, Prisma.sql`SELECT 1 AS one`);
      expect(runsDirectly(tx)).toBe(t.engine === "sqlite");
      for (const stale of kept) {
        expect(runsDirectly(stale)).toBe(false);
        // Prisma refuses a closed transaction's statements; the open one must not receive them.
        await expect(executeSql(stale, update)).rejects.toThrow(/Transaction/);
      }
    });
    expect(await t.prisma.patient.count({ where: { birthName: mark } })).toBe(0);
  });

  it("keeps a batch all or nothing, and names the constraint it broke", async () => {
    const [first] = await t.prisma.$queryRaw<{ id: string; uniqueId: string }[]>`SELECT id, "uniqueId" FROM "Document" ORDER BY id LIMIT 1`;
    const [second] = await t.prisma.$queryRaw<{ id: string }[]>`SELECT id FROM "Document" ORDER BY id DESC LIMIT 1`;
    const error = await executeAllOrNothing(t.prisma, [
      Prisma.sql`UPDATE "Document" SET title = ${"changé puis annulé"} WHERE id = ${first!.id}`,
      Prisma.sql`UPDATE "Document" SET "uniqueId" = ${first!.uniqueId} WHERE id = ${second!.id}`,
    ]).catch((e: unknown) => e);
    expect(violatedConstraint(error)).toBe("UNIQUE");
    const [after] = await t.prisma.$queryRaw<{ title: string }[]>`SELECT title FROM "Document" WHERE id = ${first!.id}`;
    expect(after?.title).not.toBe("changé puis annulé");
    expect(await executeAllOrNothing(t.prisma, [Prisma.sql`UPDATE "Document" SET title = title WHERE id = ${first!.id}`])).toEqual([1]);
  });
});
