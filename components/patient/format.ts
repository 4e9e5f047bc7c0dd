const DAY = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
const SHORT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });
const DATE_TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

export const formatDay = (d: Date) => DAY.format(d);
export const formatShortDay = (d: Date) => SHORT.format(d);
export const formatDateTime = (d: Date) => DATE_TIME.format(d);
/** "2012-05-03" → "03/05/2012" */
export const formatIsoDay = (iso: string) => iso.split("-").reverse().join("/");

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} Ko`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} Mo`;
}
