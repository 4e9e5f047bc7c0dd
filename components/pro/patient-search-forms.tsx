import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { TPatientSearchQuery } from "@/lib/pro/portal";

/**
 * The two ways to find a patient (INS, or name + birth date), shared by the search page
 * and the regulator screen. A plain GET form: the query string is the search.
 */
export function PatientSearchForms({ search, headingIdPrefix }: { search: TPatientSearchQuery; headingIdPrefix: string }) {
  const { mode, values } = search;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby={`${headingIdPrefix}par-ins`}>
        <h2 id={`${headingIdPrefix}par-ins`} className="text-lg font-semibold">
          Par INS
        </h2>
        <input type="hidden" name="mode" value="ins" />
        <InputField id="nir" name="nir" label="NIR (numéro de sécurité sociale)" hint="15 caractères, clé comprise." defaultValue={mode === "ins" ? values.nir : ""} required />
        <InputField id="ins-birthDate" name="birthDate" type="date" label="Date de naissance" defaultValue={mode === "ins" ? values.birthDate : ""} required />
        <InputField id="birthRank" name="birthRank" type="number" min={1} max={9} label="Rang de naissance" defaultValue={values.birthRank} required />
        <div>
          <Button type="submit">Rechercher par INS</Button>
        </div>
      </form>
      <form method="get" className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5" aria-labelledby={`${headingIdPrefix}par-nom`}>
        <h2 id={`${headingIdPrefix}par-nom`} className="text-lg font-semibold">
          Par nom et date de naissance
        </h2>
        <input type="hidden" name="mode" value="name" />
        <InputField id="lastName" name="lastName" label="Nom" defaultValue={mode === "name" ? values.lastName : ""} required />
        <InputField id="firstName" name="firstName" label="Prénom" defaultValue={mode === "name" ? values.firstName : ""} />
        <InputField id="name-birthDate" name="birthDate" type="date" label="Date de naissance du patient" defaultValue={mode === "name" ? values.birthDate : ""} required />
        <div>
          <Button type="submit">Rechercher par nom</Button>
        </div>
      </form>
    </div>
  );
}
