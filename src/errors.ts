// The one error type of the application. Codes are stable: clients and tests match on them,
// so a code is never renamed, only added.
export const errorCodes = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  csrf_invalid: 403,
  forbidden: 403,
  // Signed in with the password, but the second factor is still owed (decision 0026).
  second_factor_required: 403,
  not_found: 404,
  conflict: 409,
  // A set-up row (employer, school, unit) that people, cards or other rows still name.
  in_use: 409,
  token_invalid: 410,
  payload_too_large: 413,
  rate_limited: 429,
  database_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export type FieldProblem = { field: string; reason: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorCodes[code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
