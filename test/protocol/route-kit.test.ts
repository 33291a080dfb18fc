import { describe, expect, it } from 'vitest';
import { planningRoutes } from '../../protocol/planning-routes.js';
import { queueRoutes } from '../../protocol/queue-routes.js';
import { routeUrl } from '../../protocol/route-kit.js';

describe('the URL of a call', () => {
  it('fills the path parameters, encoded', () => {
    expect(routeUrl(queueRoutes.callNext, { counterId: 'demo-counter-3' })).toBe('/api/counters/demo-counter-3/call-next');
    expect(routeUrl(queueRoutes.transfer, { ticketId: 'a/b c' })).toBe('/api/tickets/a%2Fb%20c/transfer');
  });

  it('puts what is not a path parameter in the query string, leaving out what is undefined', () => {
    expect(routeUrl(planningRoutes.estimateAccuracy, { branchId: 'demo', from: '2026-11-17', to: undefined })).toBe(
      '/api/branches/demo/reports/estimate-accuracy?from=2026-11-17',
    );
    expect(routeUrl(planningRoutes.staffing, { arrivalsPerHour: 60, meanServiceSeconds: 360, targetSeconds: 600, serviceLevel: 0.8 })).toBe(
      '/api/tools/staffing?arrivalsPerHour=60&meanServiceSeconds=360&targetSeconds=600&serviceLevel=0.8',
    );
  });

  it('refuses to call a route with a path parameter missing', () => {
    expect(() => routeUrl(queueRoutes.snapshot, {})).toThrow(/:branchId/);
  });
});
