import { oauthToken } from "@/lib/fhir/http/server-handlers";

export const dynamic = "force-dynamic";

/** SMART Backend Services token endpoint (client_credentials + JWT client assertion). */
export function POST(request: Request) {
  return oauthToken(request);
}
