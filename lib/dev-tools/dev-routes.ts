/**
 * Every development route (the sandbox): the mail and SMS inboxes, the code reader, the
 * emergency expiry tool, the demo CPS cards with their downloads and the scenario factories
 * (/api/sandbox). In realistic mode
 * (DEV_TOOLS=0) each of them, and anything below it, answers 404.
 */
export const DEV_ROUTE_PREFIXES = ["/dev", "/pro/cartes-demo", "/api/sandbox"] as const;

export function isDevRoute(pathname: string): boolean {
  return DEV_ROUTE_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
