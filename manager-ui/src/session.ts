/**
 * The staff session: sign in, restore from the cookie, sign out. The session lives in the HttpOnly
 * cookie alone, which the API calls and the live socket (same origin) both carry: no page script
 * ever holds the token, so a script injected into the page could not carry it off.
 */
import { ApiError, type ApiClient } from '../../protocol/api-client.js';
import type { LoginReply, User } from '../../protocol/schemas.js';

export async function signIn(api: ApiClient, username: string, password: string): Promise<User> {
  // The reply also carries the token, for API clients without cookies; the console leaves it there.
  const { user } = await api.post<LoginReply>('/api/auth/login', { username, password });
  return user;
}

/** The user of the current session, or null when there is none (or it expired). */
export async function restoreSession(api: ApiClient): Promise<User | null> {
  try {
    return await api.get<User>('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** Ends the session on the server, which clears the cookie. */
export async function signOut(api: ApiClient): Promise<void> {
  await api.post('/api/auth/logout');
}
