/**
 * Error codes shared by the HTTP API and the live socket.
 * The server maps each code to one HTTP status; UIs map codes to localized messages.
 */
export const ErrorCodes = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  COUNTER_CLOSED: 409,
  COUNTER_PAUSED: 409,
  COUNTER_BUSY: 409,
  COUNTER_TAKEN: 409,
  TELLER_HAS_COUNTER: 409,
  SERVICE_NOT_AT_COUNTER: 409,
  NUMBERS_EXHAUSTED: 409,
  /** The called customer may not be marked no-show yet: the branch wants a recall first (or some seconds after the last call). */
  NO_SHOW_TOO_SOON: 409,
  /** A no-show can be undone only for a short time after it was marked, while its counter is free. */
  UNDO_EXPIRED: 409,
  /** 過號重排: the branch does not re-queue a no-show's late customer (lateArrival not_allowed): issue a new ticket. */
  REQUEUE_NOT_ALLOWED: 409,
  /** The no-show is older than the branch's re-queue window (lateArrivalWithinMinutes), or of an earlier day. */
  REQUEUE_EXPIRED: 409,
  CONFLICT: 409,
  /** The kiosk's VIP step: the card or customer number is not on the branch's customer resource sheet (vipRecognition registry). */
  VIP_NOT_RECOGNISED: 409,
  /** A record that its rules have closed to this change: a closed complaint, a diary past its editing window. */
  RECORD_LOCKED: 409,
  /** The ticket was rated already, or its rating window has passed. */
  ALREADY_RATED: 409,
  /** The branch's customer resource sheet already holds this card or customer number. */
  DUPLICATE_CUSTOMER: 409,
  /**
   * The service takes no tickets now under the branch's calendar: a closed day, before its issuing
   * window or past its cut-off (取號截止). The queue summary says why and when it opens next.
   */
  SERVICE_CLOSED: 409,
  /** The service's daily quota (限號) of tickets is used up for today. */
  SERVICE_QUOTA_REACHED: 409,
  RATE_LIMITED: 429,
  /** Too many failed sign-ins in a row for this username: every sign-in waits (Retry-After), the right password too. */
  ACCOUNT_LOCKED: 429,
  /** A kiosk issued more tickets this minute than the branch allows (issuesPerDevicePerMinute): nothing was issued; Retry-After says when. */
  DEVICE_RATE_LIMITED: 429,
  INTERNAL: 500,
  /** The database cannot take writes (disk full, read-only, I/O error): nothing was changed; try again soon. */
  STORAGE_UNAVAILABLE: 503,
  /** A what-if forecast ran past the server's time budget and was stopped: ask for fewer runs or a shorter period. */
  FORECAST_TIMEOUT: 503,
  /** Too many what-if forecasts are running or waiting on this server: try again in a few seconds. */
  FORECAST_BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** The JSON body of every error reply. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
}

/** Whether a string is one of our error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ErrorCodes, value);
}
