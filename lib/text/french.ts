/**
 * French grammar the product writes with (issue 19): elision, plurals, agreement by sex.
 * Every sentence built around a name, a count or a person's sex goes through these, so
 * « d'Aurélie », « 3 notifications non lues » and « née le » read right everywhere.
 */

/** A word that elides the article before it: a vowel (accents and y included) or a mute h. */
function startsWithVowelSound(word: string): boolean {
  return /^[aeiouyhàâäéèêëîïôöùûüÿœæ]/i.test(word.trim());
}

/**
 * « de » before a name or noun phrase: « d'Aurélie Rousseau », « de Paul Martin »,
 * « du Dr Martin » (de + le), « des urgences » (de + les). Titles « Dr »/« Pr » take
 * the article (« la carte du Dr Martin »).
 */
export function ofName(name: string): string {
  const text = name.trim();
  if (/^(Dr|Pr)\.?\s/.test(text)) return `du ${text}`;
  if (/^le\s/i.test(text)) return `du ${text.replace(/^le\s+/i, "")}`;
  if (/^les\s/i.test(text)) return `des ${text.replace(/^les\s+/i, "")}`;
  return startsWithVowelSound(text) ? `d'${text}` : `de ${text}`;
}

/** « que » before a word: « qu'Aurélie », « que Paul ». */
export function thatName(word: string): string {
  const text = word.trim();
  return startsWithVowelSound(text) ? `qu'${text}` : `que ${text}`;
}

const COUNT = new Intl.NumberFormat("fr-FR");

/**
 * A count and its noun, agreed: French keeps the singular for 0 and 1 (« 1 notification
 * non lue », « 3 notifications non lues »); `none` words the zero case when given
 * (« aucune notification non lue »). Counts read with French digit grouping (« 1 234 »).
 */
export function plural(n: number, singular: string, pluralForm: string, options: { none?: string } = {}): string {
  if (n === 0 && options.none !== undefined) return options.none;
  return `${COUNT.format(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}

/** The noun alone, agreed with a count (« document » / « documents »), for sentences that place the count themselves. */
export function pluralWord(n: number, singular: string, pluralForm: string): string {
  return Math.abs(n) >= 2 ? pluralForm : singular;
}

export type TSex = "M" | "F" | null | undefined;

/**
 * The word agreed with a person's sex: « né » / « née », « rattaché » / « rattachée ».
 * The neutral written form (« né(e) ») only when the sex is unknown; it defaults to the
 * masculine with « (e) » when the feminine adds an e, else « masculin/féminin ».
 */
export function agree(sex: TSex, masculine: string, feminine: string, neutral?: string): string {
  if (sex === "M") return masculine;
  if (sex === "F") return feminine;
  if (neutral !== undefined) return neutral;
  return feminine === `${masculine}e` ? `${masculine}(e)` : `${masculine}/${feminine}`;
}

/** « né le 02/03/2014 » / « née le … » (French day written dd/mm/yyyy from an ISO day). */
export function bornOn(sex: TSex, isoDay: string): string {
  return `${agree(sex, "né", "née")} le ${isoDay.split("-").reverse().join("/")}`;
}

/** The sentence's first letter in capital (« aucune … » → « Aucune … »). */
export function sentenceCase(text: string): string {
  return text.charAt(0).toLocaleUpperCase("fr") + text.slice(1);
}
