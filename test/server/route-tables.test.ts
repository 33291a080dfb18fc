/** The server serves every route of the protocol's route tables, as the tables describe them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRoutes } from '../../protocol/audit-routes.js';
import { checkRoutes } from '../../protocol/check-routes.js';
import { complaintRoutes } from '../../protocol/complaint-routes.js';
import { customerRoutes } from '../../protocol/customer-routes.js';
import { deviceHealthRoutes } from '../../protocol/device-health-routes.js';
import { diaryRoutes } from '../../protocol/diary-routes.js';
import { monthlyReportRoutes } from '../../protocol/monthly-report-routes.js';
import { planningRoutes } from '../../protocol/planning-routes.js';
import { publicBranchRoutes } from '../../protocol/public-branch-routes.js';
import { publicTicketRoutes } from '../../protocol/public-ticket-routes.js';
import { queueRoutes } from '../../protocol/queue-routes.js';
import { ratingRoutes } from '../../protocol/rating-routes.js';
import { referralRoutes } from '../../protocol/referral-routes.js';
import { reportRoutes } from '../../protocol/report-routes.js';
import { voicePackRoutes } from '../../protocol/voice-pack-routes.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const tables = {
  queueRoutes,
  planningRoutes,
  reportRoutes,
  monthlyReportRoutes,
  publicBranchRoutes,
  publicTicketRoutes,
  complaintRoutes,
  customerRoutes,
  referralRoutes,
  diaryRoutes,
  checkRoutes,
  deviceHealthRoutes,
  ratingRoutes,
  auditRoutes,
  voicePackRoutes,
};

describe('route tables', () => {
  const routes = Object.entries(tables).flatMap(([table, entries]) => Object.entries(entries).map(([name, route]) => [`${table}.${name}`, route] as const));

  it.each(routes)('%s is registered with its method and path', (_, route) => {
    expect(t.app.hasRoute({ method: route.method, url: route.path })).toBe(true);
  });

  it('documents the routes that need a token as such, and the public ones without', async () => {
    const paths = (await t.app.inject({ url: '/docs/json' })).json().paths as Record<string, Record<string, { security?: unknown[] }>>;
    const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
    for (const [, route] of routes) {
      const operation = paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation, route.path).toBeDefined();
      expect(operation.security, route.path).toEqual('public' in route && route.public ? undefined : [{ bearerAuth: [] }]);
    }
  });
});
