/** The professional portal's own cookies (the patient portal uses "dmp-patient.session-token"). */
export const PRO_SESSION_COOKIE = "dmp-pro.session-token";
export const PRO_CSRF_COOKIE = "dmp-pro.csrf-token";
export const PRO_CALLBACK_COOKIE = "dmp-pro.callback-url";
/** A session expires after 30 minutes without activity (each activity renews the token). */
export const PRO_SESSION_MAX_AGE = 30 * 60;
/** Whatever the activity, a session ends 12 hours after the card sign-in. */
export const PRO_SESSION_ABSOLUTE_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** Where next-auth answers for the professional portal. */
export const PRO_AUTH_BASE_PATH = "/api/auth/pro";
export const PRO_CARD_PROVIDER_ID = "cps";

export function hasSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}
