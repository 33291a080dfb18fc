import { describe, expect, it } from 'vitest';
import { checkImportRows, importTier, markOnSheet, parseCustomerCsv } from '../../server/src/domain/customer-import.js';
import { customerNumberHash } from '../../server/src/domain/customer-number.js';

const key = Buffer.alloc(32, 7);
const managers = new Map([['wealth1', { id: 'u-w1', displayName: 'Wealth manager' }]]);

function check(csv: string, onSheet: string[] = []) {
  const parsed = parseCustomerCsv(csv);
  if (!parsed.ok) throw new Error(parsed.problem);
  return markOnSheet(checkImportRows(parsed.records, { key, managers }), new Set(onSheet.map((n) => customerNumberHash(key, n))));
}

describe('a customer CSV from the core banking system', () => {
  it('reads a header in any case, with a BOM, and counts lines as the file does', () => {
    const rows = check('\uFEFFName,Number,Tier,Phone,Needs,Manager\n陳大文,6222 0202 0001 2345,vip,+852 9123 4567,Funds,WEALTH1\n\nLi Si,12345678,,,,\n');
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, name: '陳大文', numberHint: '2345', tier: 'vip', phone: '+852 9123 4567', needs: 'Funds', manager: managers.get('wealth1'), problems: [] }),
      expect.objectContaining({ line: 3, name: 'Li Si', numberHint: '5678', tier: 'potential', phone: null, manager: null, problems: [] }),
    ]);
  });

  it.each([
    ['no name', ',12345678,vip,,,', ['name_missing']],
    ['a number with letters', 'Ann,12AB5678,vip,,,', ['number_invalid']],
    ['an unknown tier', 'Ann,12345678,gold,,,', ['tier_invalid']],
    ['a phone with letters', 'Ann,12345678,vip,call me,,', ['phone_invalid']],
    ['a manager who is not one', 'Ann,12345678,vip,,,teller1', ['manager_unknown']],
    ['a name too long', `${'x'.repeat(81)},12345678,vip,,,`, ['name_too_long']],
  ])('reports %s', (_case, line, problems) => {
    expect(check(`name,number,tier,phone,needs,manager\n${line}`)[0].problems).toEqual(problems);
  });

  it('reports a number twice in the file, and one already on the sheet', () => {
    const rows = check('name,number\nA,1111 2222\nB,11112222\nC,33334444', ['33334444']);
    expect(rows.map((r) => r.problems)).toEqual([[], ['duplicate_in_file'], ['duplicate_on_sheet']]);
  });

  it('takes tiers in Chinese', () => {
    expect(['貴賓', '优质', '潛在', 'VIP', ''].map(importTier)).toEqual(['vip', 'valued', 'potential', 'vip', 'potential']);
  });

  it('refuses a file without the name and number columns, or not CSV at all', () => {
    expect(parseCustomerCsv('customer,card\nA,1')).toMatchObject({ ok: false, problem: expect.stringContaining('missing: name, number') });
    expect(parseCustomerCsv('name,number\n"A,1')).toMatchObject({ ok: false, problem: expect.stringContaining('not readable CSV') });
  });
});
