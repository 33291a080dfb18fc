/**
 * What to tell staff when a request fails. In Chinese, a known error code gets a localized summary
 * with the server's own message (which names the counter or ticket) after it; in English the server's message says it all.
 */
import { msg } from '@lit/localize';
import { ApiError } from '../../../protocol/api-client.js';
import type { ErrorCode } from '../../../protocol/errors.js';
import { getLocale } from '../localization.js';

function summary(code: ErrorCode | 'NETWORK'): string | null {
  switch (code) {
    case 'NETWORK':
      return msg('No connection to the server. Check the network and try again.');
    case 'RATE_LIMITED':
      return msg('Too many attempts. Wait a minute and try again.');
    case 'INVALID_CREDENTIALS':
      return msg('Wrong user name or password.');
    case 'ACCOUNT_LOCKED':
      return msg('This account is locked for a while after several unsuccessful sign-ins.');
    case 'UNAUTHENTICATED':
      return msg('Your session has ended. Sign in again.');
    case 'FORBIDDEN':
      return msg('You are not allowed to do this.');
    case 'INVALID_TRANSITION':
    case 'CONFLICT':
      return msg('This ticket or counter has just changed. Look again and retry.');
    case 'COUNTER_BUSY':
      return msg('Finish the current customer first.');
    case 'NO_SHOW_TOO_SOON':
      return msg('Recall the customer before marking a no-show.');
    case 'UNDO_EXPIRED':
      return msg('It is too late to undo this.');
    case 'REQUEUE_NOT_ALLOWED':
      return msg('This branch does not re-queue no-shows: issue a new ticket.');
    case 'REQUEUE_EXPIRED':
      return msg('It is too late to re-queue this ticket: issue a new one.');
    case 'COUNTER_CLOSED':
    case 'COUNTER_PAUSED':
      return msg('The counter is not open.');
    case 'COUNTER_TAKEN':
      return msg('Another teller is working at this counter.');
    case 'TELLER_HAS_COUNTER':
      return msg('This teller already works at another counter. Close it first.');
    case 'STORAGE_UNAVAILABLE':
      return msg('The server cannot save changes right now. Nothing was changed; try again in a moment.');
    case 'FORECAST_TIMEOUT':
      return msg('This forecast took too long and was stopped. Try fewer runs or a shorter period.');
    case 'FORECAST_BUSY':
      return msg('Other forecasts are running. Try again in a few seconds.');
    case 'RECORD_LOCKED':
      return msg('This record can no longer be changed.');
    case 'DUPLICATE_CUSTOMER':
      return msg('This card or customer number is already on the customer sheet.');
    case 'ALREADY_RATED':
      return msg('This visit has already been rated.');
    case 'VIP_NOT_RECOGNISED':
      return msg('This card or customer number is not on the branch’s customer list.');
    default:
      return null;
  }
}

export function errorText(err: unknown): string {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const localized = summary(err.code);
  // These carry nothing the summary does not say better.
  if (err.code === 'NETWORK' || err.code === 'RATE_LIMITED' || err.code === 'INVALID_CREDENTIALS') return localized ?? err.message;
  if (!localized || getLocale() === 'en') return err.message;
  return `${localized}（${err.message}）`;
}

/** The session expired or was revoked: the console should return to the sign-in page. */
export function isSessionExpired(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'UNAUTHENTICATED';
}
