import { describe, expect, it } from 'vitest';
import { pushMessage, ticketPagePath } from '../../../server/src/services/notifications/push-text.js';

const url = ticketPagePath('t-1');

describe('the words of a push notification', () => {
  it.each([
    ['zh-Hant', '請到 3號窗口', '再次叫號：請到 3號窗口', '您前面還有 3 位，請準備'],
    ['zh-HK', '請到 3號櫃位', '再次叫號：請到 3號櫃位', '您前面還有 3 位，請準備'],
    ['zh-Hans', '请到 3号窗口', '再次叫号：请到 3号窗口', '您前面还有 3 位，请准备'],
    ['en', 'Please go to counter 3', 'Calling again: please go to counter 3', '3 people ahead of you: please get ready'],
  ] as const)('in %s', (locale, called, recalled, ahead) => {
    expect(pushMessage(locale, { kind: 'called', number: 'A023', counterNumber: 3, recalled: false }, url)).toEqual({ title: 'A023', body: called, tag: 'lobbyflow-A023', url });
    expect(pushMessage(locale, { kind: 'called', number: 'A023', counterNumber: 3, recalled: true }, url).body).toBe(recalled);
    expect(pushMessage(locale, { kind: 'ahead', number: 'A023', ahead: 3 }, url).body).toBe(ahead);
  });

  it('says one person in English, and names no counter it does not know', () => {
    expect(pushMessage('en', { kind: 'ahead', number: 'A023', ahead: 1 }, url).body).toBe('1 person ahead of you: please get ready');
    expect(pushMessage('zh-HK', { kind: 'called', number: 'A023', counterNumber: null, recalled: false }, url).body).toBe('輪到您了，請到櫃位辦理');
  });

  it('opens the ticket’s own page', () => {
    expect(ticketPagePath('a b')).toBe('/kiosk-ui/ticket.html?id=a%20b');
  });
});
