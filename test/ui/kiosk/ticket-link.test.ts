import { describe, expect, it } from 'vitest';
import { issueFailureText, failureOf, withTimeout } from '../../../kiosk-ui/src/logic/issue-failure.js';
import { mobileTicketUrl, qrCodeDataUrl } from '../../../kiosk-ui/src/logic/ticket-link.js';

describe('the ticket QR code', () => {
  it('opens the mobile ticket page on the same server', () => {
    expect(mobileTicketUrl('5f0c-1', 'https://bank.example')).toBe('https://bank.example/kiosk-ui/ticket.html?id=5f0c-1');
    expect(mobileTicketUrl('a b', 'http://10.0.0.5:3000/')).toBe('http://10.0.0.5:3000/kiosk-ui/ticket.html?id=a%20b');
  });

  it('is an SVG image that can be put in an <img> and printed', async () => {
    const url = await qrCodeDataUrl('https://bank.example/kiosk-ui/ticket.html?id=1');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    expect(svg).toContain('<path');
  });
});

describe('a ticket that cannot be issued', () => {
  it('tells the customer in plain words when the server cannot be reached', () => {
    expect(issueFailureText('NETWORK')).toEqual({
      title: 'Sorry, this machine cannot reach our system right now.',
      advice: 'No ticket was issued. Please try again in a moment, or ask our staff for help.',
    });
  });

  it('explains that the day’s numbers are used up', () => {
    expect(issueFailureText('NUMBERS_EXHAUSTED').advice).toMatch(/All numbers for this service/);
  });

  it('asks the customer to try again in a moment when the server cannot keep tickets', () => {
    expect(issueFailureText('STORAGE_UNAVAILABLE').advice).toBe('Please wait a moment and try again.');
  });

  it('reads the code and message of an ApiError-like error, and anything else', () => {
    expect(failureOf(Object.assign(new Error('counter closed'), { code: 'COUNTER_CLOSED' }))).toEqual({ code: 'COUNTER_CLOSED', message: 'counter closed' });
    expect(failureOf('boom')).toEqual({ code: 'INTERNAL', message: 'boom' });
  });

  it('gives up on a request that does not answer in time', async () => {
    const never = new Promise<never>(() => {});
    await expect(withTimeout(never, 10)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await expect(withTimeout(Promise.resolve(42), 1000)).resolves.toBe(42);
  });
});
