import { describe, expect, it } from 'vitest';
import { customerNumberHash, customerNumberHint, normaliseCustomerNumber } from '../../server/src/domain/customer-number.js';
import { assertVipRecognised, type RegisteredCustomer } from '../../server/src/domain/commands.js';
import type { Actor } from '../../server/src/domain/actor.js';
import type { Tier } from '../../protocol/schemas.js';

describe('a typed or swiped card or customer number', () => {
  it.each([
    ['typed digits', '6222020200012345678', '6222020200012345678'],
    ['digits with spaces and dashes', ' 6222 0202-0001 2345 ', '6222020200012345'],
    ['track 2 from a magnetic-stripe reader', ';6222020200012345678=25121010000000000000?', '6222020200012345678'],
    ['track 1 from a magnetic-stripe reader', '%B6222020200012345678^CHAN/TAI MAN^2512101000000000000000?', '6222020200012345678'],
    ['track 2 without the end sentinel', ';6222020200012345678=2512', '6222020200012345678'],
    ['a short customer number', '1234', '1234'],
  ])('keeps the digits of %s', (_case, input, digits) => {
    expect(normaliseCustomerNumber(input)).toEqual({ ok: true, digits });
  });

  it.each([
    ['nothing', '   ', 'empty'],
    ['a name', 'Chan Tai Man', 'not_digits'],
    ['digits with a letter', '6222O2020', 'not_digits'],
    ['three digits', '123', 'too_short'],
    ['twenty digits', '12345678901234567890', 'too_long'],
    ['track data with no number', ';=2512?', 'empty'],
  ])('refuses %s', (_case, input, reason) => {
    expect(normaliseCustomerNumber(input)).toEqual({ ok: false, reason });
  });

  it('is hashed with the key: the same number and key give the same hash, another key another', () => {
    const key = Buffer.alloc(32, 1);
    const hash = customerNumberHash(key, '6222020200012345678');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('6222020200012345678');
    expect(customerNumberHash(key, '6222020200012345678')).toBe(hash);
    expect(customerNumberHash(Buffer.alloc(32, 2), '6222020200012345678')).not.toBe(hash);
  });

  it('is hinted by its last four digits', () => {
    expect(customerNumberHint('6222020200012345678')).toBe('5678');
    expect(customerNumberHint('1234')).toBe('1234');
  });
});

describe('the VIP lane under vipRecognition', () => {
  const kiosk: Actor = { kind: 'device', id: 'k', deviceKind: 'kiosk', branchId: 'b', label: 'Kiosk' };
  const manager: Actor = { kind: 'user', id: 'm', role: 'manager', branchId: 'b', username: 'manager' };
  const vip: RegisteredCustomer = { id: 'c1', tier: 'vip' };
  const valued: RegisteredCustomer = { id: 'c2', tier: 'valued' };
  const potential: RegisteredCustomer = { id: 'c3', tier: 'potential' };

  it.each<[string, 'trust' | 'registry', Actor, Tier, RegisteredCustomer | null, boolean]>([
    ['registry: a VIP on the sheet gets the lane', 'registry', kiosk, 'vip', vip, true],
    ['registry: a valued customer gets the lane', 'registry', kiosk, 'vip', valued, true],
    ['registry: a potential customer does not', 'registry', kiosk, 'vip', potential, false],
    ['registry: an unknown number does not', 'registry', kiosk, 'vip', null, false],
    ['registry: a regular ticket needs no match', 'registry', kiosk, 'regular', null, true],
    ['registry: a priority ticket needs no match', 'registry', kiosk, 'priority', null, true],
    ['registry: staff who saw the customer decide', 'registry', manager, 'vip', null, true],
    ['trust: any number gets the lane', 'trust', kiosk, 'vip', null, true],
  ])('%s', (_case, recognition, actor, tier, customer, allowed) => {
    const check = () => assertVipRecognised(recognition, actor, tier, customer);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'VIP_NOT_RECOGNISED' }));
  });
});
