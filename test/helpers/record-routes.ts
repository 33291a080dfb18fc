/**
 * The routes of the lobby manager's records in the authorisation matrix and the route examples:
 * one module per record (helpers/record-routes/*.ts), each saying who may call its routes, giving one
 * well-formed request per route, and creating, through the API as the hall's people would, what
 * those requests act on (a complaint, a customer, a referral…).
 */
import type { TestApp } from './test-app.js';
import type { RouteExample } from './route-examples.js';
import type { ActorName, HallIds } from './staffed-hall.js';
import type { WhoMay } from './who-may.js';
import audit from './record-routes/audit.js';
import checks from './record-routes/checks.js';
import complaints from './record-routes/complaints.js';
import customers from './record-routes/customers.js';
import devices from './record-routes/devices.js';
import diary from './record-routes/diary.js';
import ratings from './record-routes/ratings.js';
import referrals from './record-routes/referrals.js';
import notifications from './record-routes/notifications.js';
import voicePacks from './record-routes/voice-packs.js';

/** What a record's set-up gets: the app while the hall is being staffed, and how to call it as someone. */
export interface RecordSetUp {
  t: TestApp;
  ids: Omit<HallIds, 'records'>;
  /** Calls the API as `actor`; throws unless it answers 2xx; the reply's JSON (undefined for 204). */
  call(actor: ActorName, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<any>;
}

export interface RecordRoutes {
  /** Creates what the examples act on; returns their ids by name, found later in `ids.records`. */
  setUp?(hall: RecordSetUp): Promise<Record<string, string>>;
  whoMay: WhoMay;
  examples(ids: HallIds): Record<string, RouteExample>;
}

export const RECORD_ROUTES: readonly RecordRoutes[] = [complaints, customers, referrals, diary, checks, devices, ratings, audit, notifications, voicePacks];

export const recordWhoMay = (): WhoMay => Object.assign({}, ...RECORD_ROUTES.map((r) => r.whoMay));
export const recordExamples = (ids: HallIds): Record<string, RouteExample> => Object.assign({}, ...RECORD_ROUTES.map((r) => r.examples(ids)));
