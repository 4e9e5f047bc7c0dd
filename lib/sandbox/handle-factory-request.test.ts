import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TTestDatabase } from "@/lib/testing/test-database";
import { handleFactoryRequest, SANDBOX_MAX_BODY_BYTES } from "./handle-factory-request";
import { createSandboxPatient, patientInputSchema } from "./create-patient";
import { createSandboxProfessional, professionalInputSchema } from "./create-professional";

let db: TTestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ name: "sandbox-http" });
});
afterAll(async () => db.cleanup());

function post(body: string) {
  return handleFactoryRequest(new Request("http://localhost/api/sandbox/patients", { method: "POST", body }), db.prisma, patientInputSchema, createSandboxPatient);
}

describe("sandbox factories over HTTP", () => {
  it("201 with what the test needs to act; an empty body takes every default", async () => {
    const response = await post("");
    expect(response.status).toBe(201);
    const json = (await response.json()) as Record<string, unknown>;
    expect(json).toMatchObject({ loginId: expect.any(String), password: expect.any(String), patientId: expect.any(String), otpChannel: "EMAIL" });
  });

  it("400 with the zod issues in French, and nothing written", async () => {
    const before = await db.prisma.beneficiary.count();
    const response = await post(JSON.stringify({ sex: "X", firstName: "" }));
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(json.error).toBe("Données invalides.");
    expect(json.issues.map((i) => i.path).sort()).toEqual(["firstName", "sex"]);
    expect(json.issues.find((i) => i.path === "firstName")?.message).toBe("Champ obligatoire : il ne peut pas être vide.");
    expect(await db.prisma.beneficiary.count()).toBe(before);
  });

  it("400 in French for a body that is not JSON, 413 above the limit", async () => {
    const notJson = await post("{oops");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toBe("Le corps de la requête n'est pas du JSON valide.");
    const tooLarge = await post(JSON.stringify({ firstName: "x".repeat(SANDBOX_MAX_BODY_BYTES) }));
    expect(tooLarge.status).toBe(413);
  });

  it("400 in French for a reference to a row that does not exist", async () => {
    const request = new Request("http://localhost/api/sandbox/professionnels", { method: "POST", body: JSON.stringify({ structureId: "inexistante" }) });
    const response = await handleFactoryRequest(request, db.prisma, professionalInputSchema, createSandboxProfessional);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("Structure introuvable : créez-la d'abord (POST /api/sandbox/structures).");
    expect(await db.prisma.professional.count()).toBe(0);
  });
});
