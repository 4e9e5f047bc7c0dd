/**
 * Errors that cross a boundary carry a code; the UI and the API map codes to French
 * messages (lib/errors/messages.ts). Never show an internal id or a stack trace.
 */
export const AppErrorCode = {
  INVALID_INPUT: "INVALID_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  LOCKED: "LOCKED",
  CONFLICT: "CONFLICT",
  EXPIRED: "EXPIRED",
  TOO_LARGE: "TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  INVALID_NIR: "INVALID_NIR",
  IDENTITY_MISMATCH: "IDENTITY_MISMATCH",
  RECORD_CLOSED: "RECORD_CLOSED",
  INTERNAL: "INTERNAL",
} as const;

export type TAppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export class AppError extends Error {
  readonly code: TAppErrorCode;
  /** A French message safe to show to a person; defaults to the code's message. */
  readonly userMessage?: string;

  constructor(code: TAppErrorCode, userMessage?: string) {
    super(userMessage ?? code);
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Null when run refuses with NOT_FOUND (denied or unknown, the same to the caller); other errors pass. */
export async function nullWhenNotFound<T>(run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
