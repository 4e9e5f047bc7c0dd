import { NextResponse } from "next/server";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";
import { latestCodeFor } from "@/lib/dev-tools/find-dev-messages";

/** GET /dev/codes?destinataire=<e-mail or mobile>: the latest one-time code sent there (dev tools only). */
export async function GET(request: Request) {
  if (!isDevToolsEnabled()) return new NextResponse("Introuvable", { status: 404 });
  const to = new URL(request.url).searchParams.get("destinataire");
  if (!to) return NextResponse.json({ error: "Paramètre « destinataire » manquant." }, { status: 400 });
  const latest = await latestCodeFor(to);
  if (!latest) return NextResponse.json({ error: "Aucun code envoyé à ce destinataire." }, { status: 404, headers: { "Cache-Control": "no-store" } });
  return NextResponse.json(latest, { headers: { "Cache-Control": "no-store" } });
}
