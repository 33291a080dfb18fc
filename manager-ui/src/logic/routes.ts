/** The console's hash routes and which role may open which page. */
import type { Role } from '../../../protocol/schemas.js';

export const ROUTES = ['login', 'triage', 'counter', 'records', 'referrals', 'reports', 'staffing', 'admin'] as const;
export type Route = (typeof ROUTES)[number];

// Managers configure their own branch too (the admin API allows it), so they get the admin page.
const PAGES_BY_ROLE: Readonly<Record<Role, readonly Route[]>> = {
  // A teller reads the figures of their own tickets on the reports page.
  teller: ['counter', 'reports'],
  manager: ['triage', 'counter', 'records', 'reports', 'staffing', 'admin'],
  admin: ['admin', 'triage', 'counter', 'records', 'reports', 'staffing'],
  // An account manager works the customers referred to them.
  account_manager: ['referrals'],
};

/** `#/triage` → 'triage'; anything else → null. */
export function parseRoute(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null;
}

export function routeHash(route: Route): string {
  return `#/${route}`;
}

/** The page a role lands on after signing in. */
export function defaultRouteFor(role: Role): Route {
  return PAGES_BY_ROLE[role][0];
}

/** The pages a role can open, in the order the top bar lists them. */
export function pagesFor(role: Role): readonly Route[] {
  return PAGES_BY_ROLE[role];
}

/**
 * Where the console goes for a requested hash: the sign-in page without a user,
 * the requested page when the role may open it, otherwise the role's default page.
 */
export function resolveRoute(hash: string, role: Role | null): Route {
  if (!role) return 'login';
  const requested = parseRoute(hash);
  return requested && requested !== 'login' && PAGES_BY_ROLE[role].includes(requested) ? requested : defaultRouteFor(role);
}
