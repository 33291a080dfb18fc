/** What to tell staff when a request fails: the server's own message, or a plain word when the server cannot be reached. */
import { msg } from '@lit/localize';
import { ApiError } from '../../../protocol/api-client.js';

export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return msg('No connection to the server. Check the network and try again.');
    if (err.code === 'RATE_LIMITED') return msg('Too many attempts. Wait a minute and try again.');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
