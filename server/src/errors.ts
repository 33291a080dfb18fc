import { ErrorCodes, type ErrorCode } from '../../protocol/errors.js';

/** The one error type of the server: a code from protocol/errors.ts and a message for people. */
export class AppError extends Error {
  readonly statusCode: number;
  /** Seconds the client should wait before asking again; sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.statusCode = ErrorCodes[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} does not exist`);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
