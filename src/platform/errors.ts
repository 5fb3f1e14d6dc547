/**
 * One error type for the whole product. `code` is stable for programs, `status` is the HTTP status the API
 * answers with, and `where` names the place (file:line, element path, field) so a user can fix the input.
 */
export type ErrorCode =
  | "bad_input"
  | "not_found"
  | "unauthorized"
  | "forbidden"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "internal";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_input: 400,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export class FtfxError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = "FtfxError";
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.where = where;
  }
}

/** Bad input: a malformed file, a wrong check digit, an unknown field. `where` is e.g. `list.xml:120`. */
export function badInput(message: string, where?: string): FtfxError {
  return new FtfxError("bad_input", message, where);
}

export function notFound(message: string): FtfxError {
  return new FtfxError("not_found", message);
}

export function isFtfxError(error: unknown): error is FtfxError {
  return error instanceof FtfxError;
}
