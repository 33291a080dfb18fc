import { describe, expect, it } from 'vitest';
import { defaultRouteFor, pagesFor, parseRoute, resolveRoute } from '../../../../manager-ui/src/logic/routes.js';

describe('routes', () => {
  it('reads the page from the hash', () => {
    expect(parseRoute('#/triage')).toBe('triage');
    expect(parseRoute('#/counter')).toBe('counter');
    expect(parseRoute('#admin')).toBe('admin');
    expect(parseRoute('#/admin/users')).toBe('admin');
    expect(parseRoute('#/reports')).toBe('reports');
    expect(parseRoute('#/staffing?from=2026-11-01')).toBe('staffing');
    expect(parseRoute('')).toBeNull();
    expect(parseRoute('#/vault')).toBeNull();
  });

  it.each([
    ['teller', 'counter'],
    ['manager', 'triage'],
    ['admin', 'admin'],
  ] as const)('sends a %s to the %s page by default', (role, route) => {
    expect(defaultRouteFor(role)).toBe(route);
  });

  it('shows the sign-in page to nobody signed in, whatever was asked', () => {
    expect(resolveRoute('#/triage', null)).toBe('login');
    expect(resolveRoute('', null)).toBe('login');
  });

  it('opens the requested page when the role may open it', () => {
    expect(resolveRoute('#/counter', 'manager')).toBe('counter');
    expect(resolveRoute('#/triage', 'admin')).toBe('triage');
  });

  it("sends a role to its own page when the requested one is not theirs", () => {
    expect(resolveRoute('#/triage', 'teller')).toBe('counter');
    expect(resolveRoute('#/admin', 'teller')).toBe('counter');
    expect(resolveRoute('#/staffing', 'teller')).toBe('counter');
  });

  it('opens the reports page for a teller, where they read their own figures', () => {
    expect(resolveRoute('#/reports', 'teller')).toBe('reports');
  });

  it("lets a manager configure their own branch, as the admin API allows", () => {
    expect(resolveRoute('#/admin', 'manager')).toBe('admin');
  });

  it('opens the reports and the staffing plan for managers and admins', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(resolveRoute('#/reports', role)).toBe('reports');
      expect(resolveRoute('#/staffing', role)).toBe('staffing');
    }
  });

  it('leaves the sign-in page for the default page once signed in', () => {
    expect(resolveRoute('#/login', 'manager')).toBe('triage');
    expect(resolveRoute('', 'teller')).toBe('counter');
  });

  it('lists only the pages a role works on', () => {
    expect(pagesFor('teller')).toEqual(['counter', 'reports']);
    expect(pagesFor('manager')).toEqual(['triage', 'counter', 'records', 'reports', 'staffing', 'admin']);
    expect(pagesFor('admin')).toEqual(['admin', 'triage', 'counter', 'records', 'reports', 'staffing']);
    expect(pagesFor('account_manager')).toEqual(['referrals']);
  });
});
