import { FHIR_JSON } from "./constants";

export type TIssueSeverity = "fatal" | "error" | "warning" | "information";
/** FHIR issue-type codes used by the API. */
export type TIssueCode =
  | "invalid"
  | "structure"
  | "required"
  | "value"
  | "security"
  | "login"
  | "expired"
  | "forbidden"
  | "not-found"
  | "too-long"
  | "business-rule"
  | "duplicate"
  | "conflict"
  | "not-supported"
  | "exception"
  | "throttled"
  | "informational";

export type TOperationOutcomeIssue = {
  severity: TIssueSeverity;
  code: TIssueCode;
  diagnostics: string;
  expression?: string[];
  details?: { coding?: { system: string; code: string; display?: string }[]; text?: string };
};

export type TOperationOutcome = { resourceType: "OperationOutcome"; issue: TOperationOutcomeIssue[] };

export function operationOutcome(issues: TOperationOutcomeIssue[]): TOperationOutcome {
  return { resourceType: "OperationOutcome", issue: issues.length > 0 ? issues : [{ severity: "information", code: "informational", diagnostics: "OK" }] };
}

/**
 * An error the API answers with an OperationOutcome: an HTTP status and French
 * diagnostics. Thrown by lib/fhir and lib/oauth, turned into a response by respond.ts.
 */
export class FhirError extends Error {
  readonly status: number;
  readonly issues: TOperationOutcomeIssue[];
  readonly headers: Record<string, string>;

  constructor(status: number, code: TIssueCode, diagnostics: string, options: { expression?: string[]; headers?: Record<string, string>; issues?: TOperationOutcomeIssue[] } = {}) {
    super(diagnostics);
    this.name = "FhirError";
    this.status = status;
    this.issues = options.issues ?? [{ severity: "error", code, diagnostics, ...(options.expression ? { expression: options.expression } : {}) }];
    this.headers = options.headers ?? {};
  }
}

export function isFhirError(error: unknown): error is FhirError {
  return error instanceof FhirError;
}

export function fhirJsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return fhirJsonTextResponse(JSON.stringify(body), status, headers);
}

/** A FHIR JSON answer whose body is already JSON text. */
export function fhirJsonTextResponse(json: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(json, {
    status,
    headers: { "content-type": `${FHIR_JSON}; charset=utf-8`, "cache-control": "no-store", ...headers },
  });
}

export function outcomeResponse(status: number, issues: TOperationOutcomeIssue[], headers: Record<string, string> = {}): Response {
  return fhirJsonResponse(operationOutcome(issues), status, headers);
}

/** Any thrown value as a response: a FhirError as itself, anything else as a bare 500 (never a stack). */
export function errorResponse(error: unknown): Response {
  if (isFhirError(error)) return outcomeResponse(error.status, error.issues, error.headers);
  console.error("API FHIR : erreur inattendue", error);
  return outcomeResponse(500, [
    { severity: "fatal", code: "exception", diagnostics: "Erreur interne du serveur : la demande n'a pas été traitée. Réessayez plus tard." },
  ]);
}
