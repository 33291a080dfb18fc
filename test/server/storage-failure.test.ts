/**
 * When the database cannot take writes (a full disk, a read-only file), the server says so plainly:
 * readiness fails while liveness holds, a change is refused with 503 STORAGE_UNAVAILABLE and changes
 * nothing, and the log carries SQLite's own error rather than a failed rollback.
 */
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let logged: string[];
beforeEach(async () => {
  logged = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logged.push(String(chunk));
      done();
    },
  });
  t = await createTestApp({ logger: { level: 'error', stream } });
});
afterEach(() => t.close());

const issue = () => t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } });
// SQLite refuses every write on this connection, as it does on a read-only file.
const refuseWrites = (on: boolean) => sql.raw(`pragma query_only = ${on ? 'on' : 'off'}`).execute(t.app.lobby.db);

describe('a database that cannot take writes', () => {
  it('is ready when it takes writes', async () => {
    const res = await t.app.inject({ url: '/api/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('fails readiness, not liveness', async () => {
    await refuseWrites(true);
    const ready = await t.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().code).toBe('STORAGE_UNAVAILABLE');
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses a ticket with 503, keeps nothing, logs SQLite’s own error, and issues again once it can write', async () => {
    expect((await issue()).json().number).toBe('A001');
    await refuseWrites(true);
    const refused = await issue();
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'STORAGE_UNAVAILABLE', error: 'Service Unavailable' });
    const log = logged.join('\n');
    expect(log).toContain('SQLITE_READONLY');
    expect(log).not.toContain('cannot rollback');

    await refuseWrites(false);
    expect(await t.app.lobby.db.selectFrom('tickets').select('number').execute()).toEqual([{ number: 'A001' }]);
    expect((await issue()).json().number).toBe('A002');
  });
});
