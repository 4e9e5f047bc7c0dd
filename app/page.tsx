import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

const DOORS = [
  {
    title: "Portail patient",
    href: "/patient",
    linkLabel: "Accéder au portail patient",
    signIn: "Identifiant et mot de passe, puis code à usage unique reçu par SMS ou courriel.",
    description:
      "Le patient (ou le représentant légal d'un mineur) consulte ses documents, masque un document aux " +
      "professionnels, gère l'accès en urgence, bloque un professionnel, désigne son médecin traitant et " +
      "voit chaque accès à son dossier.",
  },
  {
    title: "Portail professionnel",
    href: "/pro",
    linkLabel: "Accéder au portail professionnel",
    signIn: "Carte CPS simulée : certificat d'une IGC-Santé de test et code porteur.",
    description:
      "Médecins, pharmaciens, infirmiers et régulateurs du SAMU-Centre 15 consultent et alimentent le dossier " +
      "selon la matrice d'habilitations, avec le consentement du patient, ou en urgence (bris de glace).",
  },
  {
    title: "Simulateur hospitalier",
    href: "/hopital",
    linkLabel: "Ouvrir le simulateur hospitalier",
    signIn: "Carte CPS d'un médecin ou d'une secrétaire médicale de l'établissement ; l'envoi passe par l'API FHIR au nom de la structure (FINESS).",
    description:
      "Un système d'information hospitalier fictif envoie automatiquement les documents validés. L'identité " +
      "transmise est vérifiée (NIR, date et rang de naissance) et l'établissement suit ses envois du mois.",
  },
] as const;

export default function HomePage() {
  return (
    <>
      <PageHeader
        eyebrow="Mon espace santé · simulation"
        title="Simulateur du Dossier Médical Partagé"
        description={
          <p>
            Une reproduction fonctionnelle de la plateforme du DMP : dossiers, documents, masquage, accès
            d&apos;urgence, traces et notifications, avec des données entièrement fictives.
          </p>
        }
      />

      <section aria-labelledby="dmp" className="mb-10 max-w-3xl space-y-3 text-slate-800">
        <h2 id="dmp" className="text-2xl font-bold text-slate-900">
          Qu&apos;est-ce que le DMP ?
        </h2>
        <p>
          Le Dossier Médical Partagé est le carnet de santé numérique de chaque assuré, intégré à Mon espace
          santé. Il rassemble les comptes rendus d&apos;hospitalisation, ordonnances, résultats d&apos;examens et
          l&apos;historique des remboursements de l&apos;Assurance Maladie, pour que les professionnels qui
          soignent le patient disposent des informations utiles.
        </p>
        <p>
          Le patient garde la main : il décide qui peut consulter son dossier, peut masquer un document, bloquer
          un professionnel ou fermer son dossier. Chaque accès est tracé, et le patient est prévenu des accès en
          urgence.
        </p>
      </section>

      <section aria-labelledby="portes" className="mb-10">
        <h2 id="portes" className="mb-4 text-2xl font-bold text-slate-900">
          Trois portes d&apos;entrée
        </h2>
        <ul className="grid gap-5 md:grid-cols-3">
          {DOORS.map((door) => (
            <li key={door.href} className="flex">
              <Card
                as="article"
                title={door.title}
                headingLevel={3}
                className="w-full"
                footer={<LinkButton href={door.href}>{door.linkLabel}</LinkButton>}
              >
                <p className="text-slate-800">{door.description}</p>
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">Connexion : </span>
                  {door.signIn}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-5 md:grid-cols-2">
        <Card as="section" title="Logiciels compatibles DMP">
          <p className="text-slate-800">
            Les logiciels de professionnels et les systèmes hospitaliers utilisent l&apos;API{" "}
            <abbr title="Fast Healthcare Interoperability Resources">FHIR</abbr> R4 (transactions IHE MHD) :
            recherche et lecture de documents, dépôt de documents, avec un certificat de structure ou une carte
            CPS.
          </p>
          <p>
            <a href="/api/fhir">Point d&apos;accès de l&apos;API FHIR</a> <code>/api/fhir</code>
          </p>
        </Card>

        <Card
          as="section"
          title={
            <>
              Outils de développement <Badge tone="warning">Données fictives</Badge>
            </>
          }
        >
          <p className="text-slate-800">
            Aucun courriel ni SMS ne quitte le simulateur : ils sont conservés et consultables ici (en
            développement, ou lorsque <code>DEV_TOOLS=1</code>).
          </p>
          <ul className="list-disc space-y-1 pl-6">
            <li>
              <Link href="/dev/mails">Boîte de réception des courriels</Link> <code>/dev/mails</code>
            </li>
            <li>
              <Link href="/dev/sms">SMS envoyés</Link> <code>/dev/sms</code>
            </li>
          </ul>
        </Card>
      </div>
    </>
  );
}
