import { describe, expect, it } from "vitest";
import { actorFromSession, type TPatientAccountSession } from "./actor-from-session";

const base: TPatientAccountSession = {
  accountId: "acc-sophie",
  loginId: "sophie",
  name: "Sophie P",
  mustChangePassword: false,
  ownPatientId: "pat-sophie",
  minors: [{ patientId: "pat-chloe", name: "Chloé P", birthDate: "2011-05-10", relationship: "Mère" }],
  actingFor: "pat-sophie",
};

describe("actorFromSession", () => {
  it("acts as the patient on the account's own record", () => {
    expect(actorFromSession(base)).toEqual({ kind: "PATIENT", accountId: "acc-sophie", patientId: "pat-sophie", name: "Sophie P" });
  });
  it("acts as legal representative on a represented minor's record", () => {
    expect(actorFromSession({ ...base, actingFor: "pat-chloe" })).toMatchObject({ kind: "LEGAL_REPRESENTATIVE", patientId: "pat-chloe" });
  });
  it("gives no actor for any other record id (a tampered token or form)", () => {
    expect(actorFromSession({ ...base, actingFor: "pat-someone-else" })).toBeNull();
  });
  it("gives no actor before the temporary password is changed, or before a record is chosen", () => {
    expect(actorFromSession({ ...base, mustChangePassword: true })).toBeNull();
    expect(actorFromSession({ ...base, actingFor: null })).toBeNull();
  });
});
