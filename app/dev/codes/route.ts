import { NextResponse } from "next/server";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { devNamespaceOf, latestCodeFor } from "@/lib/dev-tools/find-dev-messages";
import { CODE_PURPOSE_BY_MOTIF, motifOfPurpose, purposeOfMotif } from "@/lib/dev-tools/code-purposes";

const NO_STORE = { "Cache-Control": "no-store" } as const;

/**
 * GET /dev/codes?destinataire=<e-mail or mobile>[&motif=connexion|reinitialisation|coordonnees|ouverture]:
 * the latest one-time code sent there, for that purpose when given (dev tools only).
 */
export async function GET(request: Request) {
  if (!isDevToolsEnabled()) return new NextResponse("Introuvable", { status: 404 });
  const params = new URL(request.url).searchParams;
  const to = params.get("destinataire");
  if (!to) return NextResponse.json({ error: "Paramètre « destinataire » manquant." }, { status: 400 });
  const motif = params.get("motif");
  const purpose = motif === null ? undefined : purposeOfMotif(motif);
  if (purpose === null) {
    return NextResponse.json({ error: `Paramètre « motif » inconnu : choisissez ${Object.keys(CODE_PURPOSE_BY_MOTIF).join(", ")}.` }, { status: 400 });
  }
  const namespace = await devNamespaceOf(request.headers);
  if (!namespace.ok) return namespace.response;
  const latest = await latestCodeFor(to, purpose, namespace.namespaceId);
  if (!latest) return NextResponse.json({ error: "Aucun code envoyé à ce destinataire." }, { status: 404, headers: NO_STORE });
  return NextResponse.json({ code: latest.code, motif: motifOfPurpose(latest.purpose), at: latest.at, channel: latest.channel }, { headers: NO_STORE });
}
