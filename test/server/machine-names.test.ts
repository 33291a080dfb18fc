/**
 * Machines are named in each language, as services are (the kiosk showed "ATM 1" on a Chinese
 * screen): the admin route takes `name`, an older client's `label` still works, bad names are
 * refused with a 400 naming the field, and the migration names the machines a branch already has.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '../../db/migrations/2026-11-29-0005-machine-names.js';
import type { Machine, Snapshot } from '../../protocol/schemas.js';
import { BRANCH, createTestApp, type TestApp } from '../helpers/test-app.js';
import { ADMIN, dump, requester } from './admin-helpers.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

const { get, post, patch } = requester(() => t);
const atm4 = { en: 'ATM 4', zhHant: '自動櫃員機 4', zhHans: '自动柜员机 4' };

describe('machine names', () => {
  it('come in every language in the kiosk’s snapshot', async () => {
    const snapshot = (await get(`/api/branches/${BRANCH}/snapshot`, t.kiosk)).json<Snapshot>();
    const atm1 = snapshot.machines.find((m) => m.label === 'ATM 1')!;
    expect(atm1.name).toEqual({ en: 'ATM 1', zhHant: '自動櫃員機 1', zhHans: '自动柜员机 1' });
  });

  it('are given by the admin in every language; the English one is the label', async () => {
    const headers = await t.as('manager');
    const created = await post(`${ADMIN}/machines`, headers, { kind: 'atm', name: { ...atm4, zhHant: ' 自動櫃員機 4 ' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Machine>()).toMatchObject({ label: 'ATM 4', name: atm4, inService: true });
    const renamed = await patch(`${ADMIN}/machines/${created.json<Machine>().id}`, headers, { name: { en: 'ATM 4 (lobby)', zhHant: '大堂自動櫃員機', zhHans: '大堂自动柜员机' } });
    expect(renamed.json<Machine>()).toMatchObject({ label: 'ATM 4 (lobby)', name: { en: 'ATM 4 (lobby)', zhHant: '大堂自動櫃員機', zhHans: '大堂自动柜员机' } });
  });

  it('an older client’s label still names a new machine, and renames only the English name of one', async () => {
    const headers = await t.as('manager');
    const created = await post(`${ADMIN}/machines`, headers, { kind: 'atm', label: 'ATM 9' });
    expect(created.json<Machine>().name).toEqual({ en: 'ATM 9', zhHant: 'ATM 9', zhHans: 'ATM 9' });
    const atm1 = (await get(`${ADMIN}/machines`, headers)).json<Machine[]>().find((m) => m.label === 'ATM 1')!;
    const relabelled = await patch(`${ADMIN}/machines/${atm1.id}`, headers, { label: 'ATM 1 (outside)' });
    expect(relabelled.json<Machine>().name).toEqual({ en: 'ATM 1 (outside)', zhHant: '自動櫃員機 1', zhHans: '自动柜员机 1' });
  });

  it.each([
    [{ kind: 'atm' }, 'body/name'],
    [{ kind: 'atm', name: { en: 'ATM 4', zhHant: '自動櫃員機 4' } }, 'body/name'],
    [{ kind: 'atm', name: { ...atm4, zhHans: '   ' } }, 'body/name/zhHans'],
    [{ kind: 'atm', name: { ...atm4, en: 'x'.repeat(61) } }, 'body/name/en'],
  ])('refuses %j with a 400 naming %s, and changes nothing', async (payload, field) => {
    const headers = await t.as('manager');
    const before = await dump(t);
    const res = await post(`${ADMIN}/machines`, headers, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    expect(await dump(t)).toEqual(before);
  });

  it('may be changed by the branch’s managers only', async () => {
    const teller = await t.as('teller1');
    const before = await dump(t);
    expect((await post(`${ADMIN}/machines`, teller, { kind: 'atm', name: atm4 })).statusCode).toBe(403);
    expect((await post(`${ADMIN}/machines`, t.kiosk, { kind: 'atm', name: atm4 })).statusCode).toBe(403);
    expect((await post(`${ADMIN}/machines`, {}, { kind: 'atm', name: atm4 })).statusCode).toBe(401);
    expect(await dump(t)).toEqual(before);
  });
});

describe('the machine-names migration', () => {
  it('names the machines a branch already has in the bank’s words, and any other label as it is', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await db.schema.createTable('machines').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('label', 'text', (c) => c.notNull()).execute();
    await db.insertInto('machines').values([
      { id: 'm1', label: 'ATM 2' },
      { id: 'm2', label: 'Self-service terminal 1' },
      { id: 'm3', label: 'Passbook printer' },
    ]).execute();
    await up(db);
    expect(await db.selectFrom('machines').selectAll().orderBy('id').execute()).toEqual([
      { id: 'm1', label: 'ATM 2', name_zh_hant: '自動櫃員機 2', name_zh_hans: '自动柜员机 2' },
      { id: 'm2', label: 'Self-service terminal 1', name_zh_hant: '自助服務機 1', name_zh_hans: '自助服务机 1' },
      { id: 'm3', label: 'Passbook printer', name_zh_hant: 'Passbook printer', name_zh_hans: 'Passbook printer' },
    ]);
    await db.destroy();
  });
});
