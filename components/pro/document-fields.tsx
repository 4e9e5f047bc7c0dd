import { ChoiceField, Fieldset, InputField, SelectField, TextareaField } from "@/components/ui/field";
import { MASKING_CODE_LIST, MASKING_CODES } from "@/lib/reference/masking";

/** Fields of a professional's document (new one or new version). */
export function DocumentFields({
  types,
  defaults,
}: {
  types: readonly { code: string; label: string; isPriority?: boolean }[];
  defaults?: { typeCode?: string; title?: string };
}) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <SelectField
        id="typeCode"
        name="typeCode"
        label="Type de document"
        hint={
          types.some((t) => t.isPriority)
            ? `Limité aux types que votre profession peut produire ; en tête de liste, ${types.filter((t) => t.isPriority).length > 1 ? "ceux attendus" : "celui attendu"} en priorité : ${types
                .filter((t) => t.isPriority)
                .map((t) => t.label)
                .join(", ")}.`
            : "Limité aux types que votre profession peut produire."
        }
        placeholder="Choisir un type…"
        defaultValue={defaults?.typeCode ?? ""}
        options={types.map((t) => ({ value: t.code, label: t.label }))}
        required
      />
      <InputField id="title" name="title" label="Titre" defaultValue={defaults?.title} required maxLength={200} />
      <InputField id="serviceDate" name="serviceDate" type="date" label="Date de l'acte" defaultValue={today} max={today} required />
      <InputField id="file" name="file" type="file" accept="application/pdf,text/plain,.pdf,.txt" label="Fichier (PDF ou texte)" hint="10 Mo au plus. Ou saisissez le contenu ci-dessous." />
      <TextareaField id="text" name="text" label="Contenu (texte)" rows={8} hint="Utilisé si aucun fichier n'est joint." />
      <Fieldset id="masking" legend="Masquage à la validation" hint="Aucune case cochée : document non masqué. Les options se combinent.">
        {MASKING_CODE_LIST.map((code) => (
          <ChoiceField key={code} id={`masking-${code}`} name="masking" value={code} type="checkbox" label={`${MASKING_CODES[code].uiLabel} (${code})`} hint={MASKING_CODES[code].display} />
        ))}
      </Fieldset>
    </>
  );
}
