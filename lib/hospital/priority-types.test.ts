import { describe, expect, it } from "vitest";
import { orderByPriority, priorityTypesFor } from "./priority-types";

describe("priority document types per profession (the deck's table)", () => {
  it.each([
    ["a general practitioner", { profession: "10", specialty: "SM54" }, "HOSPITAL", ["60591-5"]],
    ["a cardiologist", { profession: "10", specialty: "SM04" }, "HOSPITAL", ["11488-4"]],
    ["a radiologist", { profession: "10", specialty: "SM44" }, "PRACTICE", ["18748-4"]],
    ["a pharmacist biologist", { profession: "21", specialty: null }, "HOSPITAL", ["11502-2"]],
    ["a physiotherapist", { profession: "70", specialty: null }, "PRACTICE", ["47420-5"]],
    ["a nurse", { profession: "60", specialty: null }, "PRACTICE", ["11506-3"]],
    ["a nurse of an EHPAD", { profession: "60", specialty: null }, "EHPAD", ["74207-2"]],
    ["a medical secretary of a hospital", { profession: null, specialty: null }, "HOSPITAL", ["34112-3", "11490-0", "34874-8", "15508-5", "11502-2", "11488-4"]],
  ])("%s: %j first", (_who, person, kind, codes) => {
    expect(priorityTypesFor(person, kind).typeCodes).toEqual(codes);
  });

  it("orders the priority types first and keeps the others in their order", () => {
    const items = [{ typeCode: "a" }, { typeCode: "b" }, { typeCode: "c" }];
    expect(orderByPriority(items, ["c"]).map((i) => i.typeCode)).toEqual(["c", "a", "b"]);
  });
});
