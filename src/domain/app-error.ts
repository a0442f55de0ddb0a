/**
 * The one error type of the application. Every failure a caller can cause has a code here;
 * the HTTP layer maps codes to statuses through `httpStatusOf` and nowhere else.
 * The `message` is a translation key (see src/domain/messages), rendered in the caller's language.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  // A director/officer whose committee requires two-factor sign-in and who has not enrolled yet.
  TOTP_ENROLLMENT_REQUIRED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  VERSION_CONFLICT: 409,
  INVALID_TRANSITION: 409,
  DEADLINE_PASSED: 409,
  // A session booked or moved to a start that has already passed (field startsAt).
  SESSION_IN_PAST: 400,
  CONSENT_REQUIRED: 409,
  AGREEMENT_INCOMPLETE: 409,
  AGREEMENT_TEXT_CHANGED: 409,
  // A team member is unavailable for the session; the officer may book it anyway with a flag.
  MEDIATOR_UNAVAILABLE: 409,
  // A party would confirm or sign text that exists in no language they read and that no
  // interpreter sight-translated for them; details name the sections and the languages.
  TRANSLATION_MISSING: 409,
  // "三必": a party attended a session where no attending mediator speaks their language, and
  // neither an interpreter's presence nor an officer's reason for its absence is recorded.
  INTERPRETER_REQUIRED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface AppErrorOptions {
  /** The field that was wrong, as a dotted path (e.g. `parties.0.country`). */
  field?: string;
  /** Values interpolated into the translated message. */
  params?: Record<string, string | number>;
  /** Extra machine-readable details; never personal data. */
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly params: Record<string, string | number>;
  readonly details: unknown;

  constructor(code: ErrorCode, opts: AppErrorOptions = {}) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.params = opts.params ?? {};
    this.details = opts.details;
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}

export function httpStatusOf(code: ErrorCode): number {
  return errorCodes[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
