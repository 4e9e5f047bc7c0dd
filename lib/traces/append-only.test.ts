import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { appendTraces } from "./append-trace";

let db: TTestDatabase;
let patientId: string;

beforeAll(async () => {
  db = await createTestDatabase({ name: "append-only" });
  patientId = (
    await db.prisma.patient.create({
      data: { nir: "180017505600138", birthDate: "1980-01-01", firstName: "Paul", lastName: "Martin", sex: "M", department: "75" },
    })
  ).id;
  await appendTraces(db.prisma, [
    { patientId, actorKind: "PROFESSIONAL", actorId: "pro-1", actorName: "Dr Test", action: "DOCUMENT_READ" },
    { patientId, actorKind: "PROFESSIONAL", actorId: "pro-1", actorName: "Dr Test", action: "DOCUMENT_READ" },
  ]);
});

afterAll(async () => {
  await db?.cleanup();
});

describe("traces are append-only in the database itself", () => {
  it("refuses to change a trace, through Prisma or in plain SQL outside the application", async () => {
    await expect(db.prisma.trace.updateMany({ where: { patientId }, data: { actorName: "Quelqu'un d'autre" } })).rejects.toThrow(/append-only/);
    await expect(db.runOutsideApp("UPDATE Trace SET ipAddress = '10.9.9.9'")).rejects.toThrow(/append-only/);
    const names = await db.prisma.trace.findMany({ where: { patientId }, select: { actorName: true, ipAddress: true } });
    expect(names).toEqual([
      { actorName: "Dr Test", ipAddress: null },
      { actorName: "Dr Test", ipAddress: null },
    ]);
  });

  it("refuses to delete a trace, through Prisma or in plain SQL outside the application", async () => {
    await expect(db.prisma.trace.deleteMany({ where: { patientId } })).rejects.toThrow(/append-only/);
    await expect(db.runOutsideApp("DELETE FROM Trace WHERE id = (SELECT MAX(id) FROM Trace)")).rejects.toThrow(/append-only/);
    expect(await db.prisma.trace.count({ where: { patientId } })).toBe(2);
  });

  it("still appends traces", async () => {
    await appendTraces(db.prisma, [{ patientId, actorKind: "PATIENT", actorName: "Paul Martin", action: "DOCUMENT_READ" }]);
    expect(await db.prisma.trace.count({ where: { patientId } })).toBe(3);
  });
});
