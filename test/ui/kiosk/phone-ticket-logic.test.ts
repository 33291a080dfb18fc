/** The phone page's pure parts: the QR link's base, times on the branch's clock, and the opening note instead of an estimate. */
import { describe, expect, it } from 'vitest';
import { mobileTicketUrl } from '../../../kiosk-ui/src/logic/ticket-link.js';
import { branchTime, sameBranchDay } from '../../../kiosk-ui/src/mobile/branch-time.js';
import { openingNote } from '../../../kiosk-ui/src/mobile/opening-note.js';
import { justCalled } from '../../../kiosk-ui/src/mobile/ticket-progress.js';

describe('the QR link', () => {
  it("uses the branch's public address when one is set, so a phone outside the intranet can open it", () => {
    expect(mobileTicketUrl('t-1', 'http://10.0.0.5:3000', 'https://queue.bank.example/')).toBe('https://queue.bank.example/kiosk-ui/ticket.html?id=t-1');
    expect(mobileTicketUrl('t-1', 'http://10.0.0.5:3000', 'https://bank.example/central')).toBe('https://bank.example/central/kiosk-ui/ticket.html?id=t-1');
  });

  it("falls back to the kiosk's own origin when the branch has none", () => {
    expect(mobileTicketUrl('t-1', 'http://10.0.0.5:3000', '')).toBe('http://10.0.0.5:3000/kiosk-ui/ticket.html?id=t-1');
    expect(mobileTicketUrl('t-1', 'http://10.0.0.5:3000')).toBe('http://10.0.0.5:3000/kiosk-ui/ticket.html?id=t-1');
  });
});

describe('times on the phone', () => {
  it("reads the branch's clock, not the phone's", () => {
    // 02:05 UTC is 10:05 in Shanghai and 21:05 the evening before in New York.
    expect(branchTime('2026-11-23T02:05:00Z', 'en', 'Asia/Shanghai')).toBe('10:05');
    expect(branchTime('2026-11-23T02:05:00Z', 'en', 'America/New_York')).toBe('21:05');
    expect(branchTime('2026-11-23T02:05:09Z', 'zh-Hant', 'Asia/Hong_Kong', true)).toBe('10:05:09');
  });

  it('survives an unknown zone name', () => {
    expect(branchTime('2026-11-23T02:05:00Z', 'en', 'Not/AZone')).toMatch(/^\d\d:\d\d$/);
  });

  it("tells days apart on the branch's calendar", () => {
    expect(sameBranchDay('2026-11-23T15:59:00Z', '2026-11-23T01:00:00Z', 'Asia/Shanghai')).toBe(true);
    expect(sameBranchDay('2026-11-23T16:01:00Z', '2026-11-23T01:00:00Z', 'Asia/Shanghai')).toBe(false);
  });
});

describe('the opening note', () => {
  const now = new Date('2026-11-23T00:30:00Z'); // 08:30 in Shanghai
  it('says when the counters start instead of promising a wait before they open', () => {
    const view = { timeZone: 'Asia/Shanghai', opening: { opening: 'opens_later' as const, servedFrom: '2026-11-23T01:00:00Z' } };
    expect(openingNote(view, 'en', now)).toBe('Counters start serving at 09:00');
    expect(openingNote({ ...view, opening: { opening: 'opens_later' as const, servedFrom: '2026-11-24T01:00:00Z' } }, 'en', now)).toMatch(/^Counters start serving on .+ at 09:00$/);
  });

  it('shows the estimate when the service is open, not told, or only stopped issuing new tickets', () => {
    expect(openingNote({ timeZone: 'Asia/Shanghai' }, 'en', now)).toBeNull();
    expect(openingNote({ opening: { opening: 'cut_off' } }, 'en', now)).toBeNull();
    expect(openingNote({ opening: { opening: 'quota_reached' } }, 'en', now)).toBeNull();
  });

  it('sends the customer to the staff when no counter serves the service', () => {
    expect(openingNote({ opening: { opening: 'no_counter' } }, 'en', now)).toMatch(/ask our staff/);
  });
});

describe('when the phone signals a call', () => {
  it('signals a new call and a recall, not a page opened on an old call', () => {
    expect(justCalled({ status: 'waiting', callCount: 0 }, { status: 'called', callCount: 1 })).toBe(true);
    expect(justCalled({ status: 'called', callCount: 1 }, { status: 'called', callCount: 2 })).toBe(true);
    expect(justCalled({ status: 'called', callCount: 1 }, { status: 'called', callCount: 1 })).toBe(false);
    expect(justCalled(null, { status: 'called', callCount: 1 })).toBe(false);
  });
});
