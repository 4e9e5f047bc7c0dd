import { readDemoCardFile } from "@/lib/pki/demo-cards";
import { refusalResponse } from "@/lib/http/refusal-page";

/** A demo card file, as an attachment (development tools only). */
export async function GET(request: Request, context: { params: Promise<{ serial: string }> }) {
  const { serial } = await context.params;
  const card = readDemoCardFile(serial);
  if (!card) {
    return refusalResponse(request, {
      status: 404,
      title: "Carte introuvable",
      message: "Aucune carte de démonstration ne porte ce numéro de série.",
      wayBack: [{ href: "/pro/cartes-demo", label: "Retour aux cartes de démonstration" }],
    });
  }
  return new Response(card.text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="carte-cps-${card.file.serial}.cps.json"`,
      "Cache-Control": "no-store",
    },
  });
}
