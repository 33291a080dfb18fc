/** The staff session: sign in, restore from the cookie, sign out. The token is kept in sessionStorage for the socket URL. */
import { ApiError, type ApiClient } from '../../protocol/api-client.js';
import type { LoginReply, User } from '../../protocol/schemas.js';

const TOKEN_KEY = 'lobbyflow.manager.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // The HttpOnly cookie still carries the session.
  }
}

export async function signIn(api: ApiClient, username: string, password: string): Promise<User> {
  const reply = await api.post<LoginReply>('/api/auth/login', { username, password });
  storeToken(reply.token);
  api.setToken(reply.token);
  return reply.user;
}

/** The user of the current session, or null when there is none (or it expired). */
export async function restoreSession(api: ApiClient): Promise<User | null> {
  try {
    return await api.get<User>('/api/auth/me');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      forgetSession(api);
      return null;
    }
    throw err;
  }
}

/** Drops the session on this device only (the server already ended it). */
export function forgetSession(api: ApiClient): void {
  storeToken(null);
  api.setToken(null);
}

export async function signOut(api: ApiClient): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    forgetSession(api);
  }
}
