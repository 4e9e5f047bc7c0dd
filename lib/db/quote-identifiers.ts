/**
 * The raw SQL of lib/ names tables and columns as the schema spells them (Trace,
 * patientId) and mostly without quotes: SQLite matches names without regard to case,
 * PostgreSQL folds unquoted names to lower case (patientid) and would not find the
 * columns Prisma created ("patientId"), nor return result columns under the names the code
 * reads (lastId). On PostgreSQL every statement therefore goes through this function,
 * which double-quotes each bare word that mixes upper and lower case: in this code base
 * such a word is always an identifier (keywords and functions are written in capitals,
 * enum values too), never a keyword. String literals, quoted names, comments and
 * parameters are left alone; Prisma's own statements quote everything already.
 */
const MIXED_CASE = /[a-z]/;
const UPPER = /[A-Z]/;

const cache = new Map<string, string>();
const CACHE_LIMIT = 2000;

function isWordStart(c: string): boolean {
  return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_";
}

function isWordPart(c: string): boolean {
  return isWordStart(c) || (c >= "0" && c <= "9") || c === "$";
}

function scan(sql: string): string {
  let out = "";
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const c = sql.charAt(i);
    // 'literal' (with '' inside), "quoted identifier"
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const j = end < 0 ? n : end;
      out += sql.slice(i, j);
      i = j;
      continue;
    }
    if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      const j = end < 0 ? n : end + 2;
      out += sql.slice(i, j);
      i = j;
      continue;
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(sql.charAt(j))) j++;
      const word = sql.slice(i, j);
      // A word right after $ or a digit is part of something else ($1, 1e5).
      const prev = i > 0 ? sql.charAt(i - 1) : "";
      const quotable = MIXED_CASE.test(word) && UPPER.test(word) && !word.includes("$") && prev !== "$" && !(prev >= "0" && prev <= "9");
      out += quotable ? `"${word}"` : word;
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export function quoteMixedCaseIdentifiers(sql: string): string {
  const known = cache.get(sql);
  if (known !== undefined) return known;
  const quoted = scan(sql);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(sql, quoted);
  return quoted;
}
