/**
 * Typed errors with stable codes. `permanent` errors are the document's fault (bad input):
 * workers turn them into a `failed` document with `message` as the clerk-readable reason.
 * Everything else is treated as transient and retried.
 */
export type ErrorCode =
  | 'EMPTY_DOCUMENT'
  | 'UNSUPPORTED_TYPE'
  | 'CORRUPT_DOCUMENT'
  | 'LIMIT_EXCEEDED'
  | 'TIMEOUT'
  | 'NO_PAGES'
  | 'BAD_MASTER_DATA'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'INVALID_STATE'
  | 'CONFIG'
  | 'DEPENDENCY_MISSING';

export class FaxgateError extends Error {
  readonly code: ErrorCode;
  readonly permanent: boolean;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { permanent?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FaxgateError';
    this.code = code;
    this.permanent = opts.permanent ?? true;
    this.details = opts.details;
  }
}

/** The document itself is unusable: empty, of an unknown type, corrupt, or over a limit. */
export class DocumentError extends FaxgateError {
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, cause?: unknown) {
    super(code, message, { permanent: true, details, cause });
    this.name = 'DocumentError';
  }
}

/** A limit from `limits.ts` was breached; carries the numbers. */
export class LimitError extends DocumentError {
  constructor(what: string, actual: number, limit: number) {
    super('LIMIT_EXCEEDED', `${what}: ${actual} exceeds the limit of ${limit}`, { what, actual, limit });
    this.name = 'LimitError';
  }
}

export class HttpError extends FaxgateError {
  readonly statusCode: number;
  constructor(statusCode: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, { permanent: true, details });
    this.name = 'HttpError';
    this.statusCode = statusCode;
  }
}

export const isPermanent = (err: unknown): boolean => err instanceof FaxgateError && err.permanent;
