/**
 * One well-formed request for every route of the API, aimed at the staffed hall's demo branch
 * (helpers/staffed-hall.ts): the right caller gets past validation and authorisation with it. The
 * authorisation matrix sends it as every kind of caller; the fuzz test bends it out of shape.
 */
import { recordExamples } from './record-routes.js';
import type { HallIds } from './staffed-hall.js';

export interface RouteExample {
  /** Path parameters by name; `*` fills a wildcard. */
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
}

const name = (en: string) => ({ en, zhHant: en, zhHans: en });

/** The example request of each route, keyed `METHOD url` as Fastify registers it. */
export function routeExamples(ids: HallIds): Record<string, RouteExample> {
  const branch = { branchId: ids.branchId };
  const counter = { counterId: ids.counterId };
  const called = { ticketId: ids.calledTicketId };
  const waiting = { ticketId: ids.waitingTicketId };
  const kiosk = { ...branch, deviceId: ids.kioskDeviceId };
  const admin = '/api/branches/:branchId/admin';
  const report = { params: branch, query: { from: '2026-11-01', to: '2026-11-23' } };
  return {
    // ── the API's documentation ──
    'GET /docs': {},
    'GET /docs/static/index.html': {},
    'GET /docs/static/swagger-initializer.js': {},
    'GET /docs/static/*': { params: { '*': 'swagger-ui.css' } },
    'GET /docs/json': {},
    'GET /docs/yaml': {},

    // ── health and sign-in ──
    'GET /api/health': {},
    'GET /api/health/ready': {},
    'POST /api/auth/login': { body: { username: 'teller3', password: 'demo' } },
    'POST /api/auth/logout': {},
    'GET /api/auth/me': {},

    // ── the branch ──
    'GET /api/branches/:branchId/services': { params: branch },
    'GET /api/branches/:branchId/counters': { params: branch },
    'GET /api/branches/:branchId/machines': { params: branch },
    'GET /api/branches/:branchId/snapshot': { params: branch },
    'GET /api/branches/:branchId/live': { params: branch },
    'POST /api/branches/:branchId/tickets': { params: branch, body: { serviceId: ids.serviceId, tier: 'priority', customerRef: '6222 0000' } },
    'POST /api/branches/:branchId/diversions': { params: branch, body: { serviceId: ids.serviceId, machineKind: 'atm' } },
    'GET /api/branches/:branchId/devices/:deviceId/tickets': { params: kiosk, query: { sinceMinutes: 30 } },
    'POST /api/branches/:branchId/devices/:deviceId/cancel-tickets': { params: kiosk, body: { sinceMinutes: 30 } },
    'GET /api/branches/:branchId/notices': { params: branch },
    'PUT /api/branches/:branchId/notices': {
      params: branch,
      body: { notices: [name('Closed on Sunday')], rates: [{ label: name('1-year deposit'), value: '1.25%' }] },
    },
    // The operating calendar (services/admin/calendar.ts): open all day every day, so later examples still issue.
    'GET /api/branches/:branchId/admin/calendar': { params: branch },
    'PUT /api/branches/:branchId/admin/calendar': {
      params: branch,
      body: {
        calendar: {
          weekdays: Array.from({ length: 7 }, () => ({ opensAt: '00:00', closesAt: '23:59', lunchFrom: null, lunchUntil: null })),
          specialDays: [],
          services: [],
        },
      },
    },

    // ── counters ──
    'POST /api/counters/:counterId/open': { params: counter, body: {} },
    'POST /api/counters/:counterId/pause': { params: counter, body: { reason: 'lunch' } },
    'POST /api/counters/:counterId/close': { params: counter },
    'POST /api/counters/:counterId/call-next': { params: counter },
    'POST /api/counters/:counterId/call-ticket': { params: counter, body: { ticketId: ids.waitingTicketId } },
    'POST /api/counters/:counterId/complete-and-call-next': { params: counter },

    // ── tickets ──
    'GET /api/tickets/:ticketId': { params: called },
    'POST /api/tickets/:ticketId/recall': { params: called },
    'POST /api/tickets/:ticketId/start': { params: called },
    'POST /api/tickets/:ticketId/complete': { params: called },
    'POST /api/tickets/:ticketId/no-show': { params: called },
    'POST /api/tickets/:ticketId/undo-no-show': { params: called },
    'POST /api/tickets/:ticketId/cancel': { params: called },
    'POST /api/tickets/:ticketId/transfer': { params: called, body: { serviceId: ids.transferServiceId } },
    'POST /api/tickets/:ticketId/divert': { params: waiting, body: { machineKind: 'self_service_terminal' } },
    'POST /api/tickets/:ticketId/tier': { params: waiting, body: { tier: 'vip' } },
    'POST /api/tickets/:ticketId/undo': { params: waiting },
    'POST /api/tickets/:ticketId/requeue': { params: called },
    'GET /api/public/tickets/:ticketId': { params: called },
    'GET /api/public/tickets/:ticketId/live': { params: waiting },
    'POST /api/public/tickets/:ticketId/on-my-way': { params: waiting },
    'POST /api/public/tickets/:ticketId/cancel': { params: waiting },
    'GET /api/public/branches/:branchId': { params: branch },

    // ── planning and reports ──
    'GET /api/tools/erlang-c': { query: { arrivalsPerHour: 30, meanServiceSeconds: 300, counters: 4, targetSeconds: 600 } },
    'GET /api/tools/staffing': { query: { arrivalsPerHour: 30, meanServiceSeconds: 300, targetSeconds: 600, serviceLevel: 0.8 } },
    'POST /api/branches/:branchId/what-if': { params: branch, body: { action: 'open-counter', counterId: ids.unusedCounterId, runs: 20, horizonMinutes: 15 } },
    'GET /api/branches/:branchId/reports/estimate-accuracy': report,
    'GET /api/branches/:branchId/reports/arrivals-by-hour': report,
    'GET /api/branches/:branchId/reports/figures': { params: branch, query: { from: '2026-11-01', to: '2026-11-23', by: 'service' } },
    'GET /api/branches/:branchId/reports/records': report,
    'GET /api/branches/:branchId/monthly-reports': { params: branch },
    'GET /api/branches/:branchId/monthly-reports/:month': { params: { ...branch, month: '2026-10' } },
    'PUT /api/branches/:branchId/monthly-reports/:month': {
      params: { ...branch, month: '2026-10' },
      body: { customerNeeds: 'Pensioners ask for help at the ATM', opinions: '', marketInfo: '', proposals: 'Open a third counter at noon' },
    },
    'POST /api/branches/:branchId/monthly-reports/:month/submit': { params: { ...branch, month: '2026-10' } },

    // ── branch administration ──
    [`GET ${admin}/services`]: { params: branch },
    [`POST ${admin}/services`]: {
      params: branch,
      body: { prefix: 'Z', name: name('Foreign exchange'), selfServiceKind: null, targetWaitSeconds: 900, defaultServiceSeconds: 420, icon: '💱', sortOrder: 9 },
    },
    [`PATCH ${admin}/services/:serviceId`]: { params: { ...branch, serviceId: ids.serviceId }, body: { icon: '💴', sortOrder: 3 } },
    [`GET ${admin}/counters`]: { params: branch },
    [`POST ${admin}/counters`]: { params: branch, body: { number: 90, serviceIds: [ids.serviceId], vip: false, lowCounter: true } },
    [`PATCH ${admin}/counters/:counterId`]: { params: { ...branch, counterId: ids.unusedCounterId }, body: { serviceIds: [ids.serviceId], vip: false } },
    [`DELETE ${admin}/counters/:counterId`]: { params: { ...branch, counterId: ids.unusedCounterId } },
    [`GET ${admin}/machines`]: { params: branch },
    [`POST ${admin}/machines`]: { params: branch, body: { kind: 'atm', label: 'ATM 9', inService: true } },
    [`PATCH ${admin}/machines/:machineId`]: { params: { ...branch, machineId: ids.machineId }, body: { label: 'ATM 1 (lobby)', inService: false } },
    [`DELETE ${admin}/machines/:machineId`]: { params: { ...branch, machineId: ids.machineId } },
    [`GET ${admin}/users`]: { params: branch },
    [`POST ${admin}/users`]: { params: branch, body: { username: 'teller9', displayName: 'Teller 9', role: 'teller', password: 'teller9-password' } },
    [`PATCH ${admin}/users/:userId`]: { params: { ...branch, userId: ids.userId }, body: { displayName: 'Teller Three', role: 'teller', active: true } },
    [`POST ${admin}/users/:userId/password`]: { params: { ...branch, userId: ids.userId }, body: { password: 'a-new-password' } },
    [`GET ${admin}/login-locks`]: { params: branch },
    [`POST ${admin}/users/:userId/unlock`]: { params: { ...branch, userId: ids.userId } },
    [`GET ${admin}/device-tokens`]: { params: branch },
    [`POST ${admin}/device-tokens`]: { params: branch, body: { kind: 'kiosk', label: 'Kiosk 2' } },
    [`POST ${admin}/device-tokens/:tokenId/revoke`]: { params: { ...branch, tokenId: ids.deviceTokenId } },
    [`GET ${admin}/branch`]: { params: branch },
    [`PATCH ${admin}/branch`]: { params: branch, body: { defaultLocale: 'en', settings: { amberWaitSeconds: 600, redWaitSeconds: 1200 } } },
    'GET /api/admin/branches': {},
    'POST /api/admin/branches': { body: { id: 'west', name: name('West'), timeZone: 'Asia/Hong_Kong', defaultLocale: 'zh-Hant' } },

    // ── the lobby manager's records (helpers/record-routes/) ──
    ...recordExamples(ids),
  };
}

/** The route's url with its parameters filled in (encoded) and its query appended. */
export function exampleUrl(url: string, example: RouteExample): string {
  const params = example.params ?? {};
  const path = url.replace(/:([A-Za-z]+)|\*$/g, (match, name?: string) => {
    const value = params[name ?? match];
    if (value === undefined) throw new Error(`${url}: the example has no ${match}`);
    // A wildcard spans path segments; each segment is encoded on its own.
    return name ? encodeURIComponent(value) : value.split('/').map(encodeURIComponent).join('/');
  });
  const query = new URLSearchParams(Object.entries(example.query ?? {}).map(([key, value]) => [key, String(value)])).toString();
  return query ? `${path}?${query}` : path;
}
