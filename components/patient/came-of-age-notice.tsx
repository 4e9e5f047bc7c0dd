import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { agree } from "@/lib/text/french";

/**
 * Told to a former legal representative: the person they represented is 18, the
 * representation ended by itself, and this is how the young adult opens their own access.
 */
export function CameOfAgeNotice({ people }: { people: readonly { patientId: string; name: string; sex?: "M" | "F" | null }[] }) {
  if (people.length === 0) return null;
  return (
    <div className="mb-6 flex flex-col gap-3">
      {people.map((p) => (
        <Alert key={p.patientId} tone="info" title={`${p.name} est ${agree(p.sex, "majeur", "majeure")}`}>
          <p>
            Depuis ses 18 ans, vous n&apos;êtes plus son représentant légal : vous n&apos;avez plus accès à son dossier et n&apos;en recevez plus
            les notifications. {p.name} peut ouvrir son propre accès à son DMP en ligne, avec sa carte Vitale, depuis la page{" "}
            <Link href="/patient/ouvrir-mon-dmp" className="font-semibold underline">
              Ouvrir mon DMP
            </Link>
            .
          </p>
        </Alert>
      ))}
    </div>
  );
}
