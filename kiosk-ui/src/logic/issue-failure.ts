/** What the customer reads when a ticket cannot be issued: their language, a next step, never a stack trace. */
import { msg } from '@lit/localize';

export interface FailureText {
  title: string;
  advice: string;
}

/**
 * The localized explanation for an error code from protocol/errors.ts (or NETWORK / TIMEOUT). Only
 * these words reach the screen: the server's own message is English and technical, and stays in the
 * console for staff.
 */
export function issueFailureText(code: string): FailureText {
  const title = msg('Sorry, tickets cannot be issued right now.');
  switch (code) {
    // The kiosk cannot reach the server (cable, Wi-Fi, server restarting), or it did not answer in time.
    case 'NETWORK':
    case 'TIMEOUT':
      return {
        title: msg('Sorry, this machine cannot reach our system right now.'),
        advice: msg('No ticket was issued. Please try again in a moment, or ask our staff for help.'),
      };
    // This machine issued more tickets this minute than the branch allows (a stuck button, or someone at play).
    case 'DEVICE_RATE_LIMITED':
      return {
        title: msg('Please wait a moment.'),
        advice: msg('Many tickets were just taken at this machine. Please try again in a minute, or ask our staff for help.'),
      };
    // The calendar closed the service between the snapshot and the tap (a cut-off, say).
    case 'SERVICE_CLOSED':
      return { title: msg('Sorry, this service is closed now.'), advice: msg('The start screen shows when it opens again. Our staff will gladly help you.') };
    case 'SERVICE_QUOTA_REACHED':
      return { title: msg("Sorry, today's tickets for this service are all taken."), advice: msg('Please come back on another day, or ask our staff for help.') };
    case 'NUMBERS_EXHAUSTED':
      return { title, advice: msg('All numbers for this service have been issued today. Please ask our staff.') };
    case 'NOT_FOUND':
    case 'VALIDATION_FAILED':
      return { title, advice: msg('This service is not available at the moment. Please choose another service or ask our staff.') };
    case 'RATE_LIMITED':
    // The server could not keep the ticket (its disk is full, say): nothing was issued, and it may pass.
    case 'STORAGE_UNAVAILABLE':
      return { title, advice: msg('Please wait a moment and try again.') };
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
      return { title, advice: msg('This ticket machine is not set up. Please ask our staff.') };
    default:
      return { title, advice: msg('Please ask our staff.') };
  }
}

/** Rejects with a TIMEOUT error when `promise` takes longer than `ms`, so the kiosk never hangs on "Issuing…". */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error(`no reply within ${ms / 1000} s`), { code: 'TIMEOUT' })), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (err: unknown) => (clearTimeout(timer), reject(err)),
    );
  });
}

/** The code and message of anything thrown by ApiClient or withTimeout. */
export function failureOf(err: unknown): { code: string; message: string } {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : 'INTERNAL',
    message: typeof message === 'string' ? message : String(err),
  };
}
