import type { TActor } from "@/lib/access/actor";
import type { TTraceInput } from "./append-trace";

/** Who acted, as a trace snapshots it (names are kept as they were at that moment). */
export function traceActorFields(
  actor: TActor,
): Pick<TTraceInput, "actorKind" | "actorId" | "actorName" | "actorProfession" | "actorStructure"> {
  switch (actor.kind) {
    case "PATIENT":
      return { actorKind: "PATIENT", actorId: actor.accountId, actorName: actor.name };
    case "LEGAL_REPRESENTATIVE":
      return { actorKind: "LEGAL_REPRESENTATIVE", actorId: actor.accountId, actorName: actor.name };
    case "PROFESSIONAL":
      return {
        actorKind: "PROFESSIONAL",
        actorId: actor.professionalId,
        actorName: actor.name,
        actorProfession: [actor.profession, actor.specialty].filter(Boolean).join("/") || null,
        actorStructure: actor.structureName ?? null,
      };
  }
}
