import { readDemoCardFile } from "@/lib/pki/demo-cards";

/** A demo card file, as an attachment (development tools only). */
export async function GET(_request: Request, context: { params: Promise<{ serial: string }> }) {
  const { serial } = await context.params;
  const card = readDemoCardFile(serial);
  if (!card) return new Response("Carte introuvable.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(card.text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="carte-cps-${card.file.serial}.cps.json"`,
      "Cache-Control": "no-store",
    },
  });
}
