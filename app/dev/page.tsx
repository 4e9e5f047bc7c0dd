import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { PageHeader } from "@/components/ui/page-header";
import { isDevToolsEnabled } from "@/lib/dev-tools/is-dev-tools-enabled";

export const metadata: Metadata = { title: "Outils du bac à sable" };

const TOOLS = [
  { href: "/dev/mails", label: "Courriels reçus", description: "les courriels envoyés par le simulateur (codes de connexion, notifications)." },
  { href: "/dev/sms", label: "SMS reçus", description: "les SMS envoyés par le simulateur." },
  { href: null, label: "Lecteur de codes", description: "/dev/codes?destinataire=<adresse ou mobile>[&motif=connexion|reinitialisation|coordonnees|ouverture] donne le dernier code à usage unique envoyé (JSON, pour les tests)." },
  { href: "/pro/cartes-demo", label: "Cartes CPS de démonstration", description: "les fichiers de carte des professionnels fictifs, à télécharger." },
  { href: "/dev/urgences", label: "Accès d'urgence ouverts", description: "terminer un accès d'urgence comme si sa durée était écoulée." },
] as const;

export default async function DevToolsPage() {
  await connection();
  if (!isDevToolsEnabled()) notFound();
  return (
    <>
      <PageHeader
        eyebrow="Outils de développement"
        title="Outils du bac à sable"
        description={
          <p>
            Ces outils n&apos;existent qu&apos;en mode bac à sable (par défaut avec <code>npm start</code>). En mode réaliste
            (<code>DEV_TOOLS=0</code>), chacun répond « page introuvable ».
          </p>
        }
      />
      <ul className="flex flex-col gap-3">
        {TOOLS.map((tool) => (
          <li key={tool.label}>
            {tool.href ? (
              <Link href={tool.href} className="font-semibold">
                {tool.label}
              </Link>
            ) : (
              <strong>{tool.label}</strong>
            )}{" "}
            : {tool.description}
          </li>
        ))}
      </ul>
    </>
  );
}
