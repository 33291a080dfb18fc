/**
 * The words of a push notification, in the language of the phone that asked for it. The server
 * writes them (a notification arrives while the page sleeps), in the same terms the screens use:
 * 3號窗口 / 3号窗口 / 3號櫃位 / counter 3.
 */
import type { NotificationLocale } from '../../../../protocol/notification-routes.js';

export type PushNotice =
  | { kind: 'called'; number: string; counterNumber: number | null; recalled: boolean }
  | { kind: 'ahead'; number: string; ahead: number };

/** What the service worker shows: a title, a line, and a tag so a newer notice of the ticket replaces an older one. */
export interface PushMessage {
  title: string;
  body: string;
  tag: string;
  url: string;
}

function counterName(locale: NotificationLocale, n: number): string {
  switch (locale) {
    case 'zh-Hant':
      return `${n}號窗口`;
    case 'zh-Hans':
      return `${n}号窗口`;
    case 'zh-HK':
      return `${n}號櫃位`;
    case 'en':
      return `counter ${n}`;
  }
}

function calledLine(locale: NotificationLocale, counterNumber: number | null, recalled: boolean): string {
  if (counterNumber === null) {
    return { 'zh-Hant': '輪到您了，請到窗口辦理', 'zh-Hans': '轮到您了，请到窗口办理', 'zh-HK': '輪到您了，請到櫃位辦理', en: 'It is your turn: please go to the counter' }[locale];
  }
  const counter = counterName(locale, counterNumber);
  if (recalled) {
    return { 'zh-Hant': `再次叫號：請到 ${counter}`, 'zh-Hans': `再次叫号：请到 ${counter}`, 'zh-HK': `再次叫號：請到 ${counter}`, en: `Calling again: please go to ${counter}` }[locale];
  }
  return { 'zh-Hant': `請到 ${counter}`, 'zh-Hans': `请到 ${counter}`, 'zh-HK': `請到 ${counter}`, en: `Please go to ${counter}` }[locale];
}

function aheadLine(locale: NotificationLocale, ahead: number): string {
  switch (locale) {
    case 'zh-Hant':
    case 'zh-HK':
      return `您前面還有 ${ahead} 位，請準備`;
    case 'zh-Hans':
      return `您前面还有 ${ahead} 位，请准备`;
    case 'en':
      return ahead === 1 ? '1 person ahead of you: please get ready' : `${ahead} people ahead of you: please get ready`;
  }
}

/** The notification for `notice` in `locale`; `ticketUrl` is the ticket's page, opened on a tap. */
export function pushMessage(locale: NotificationLocale, notice: PushNotice, ticketUrl: string): PushMessage {
  const body = notice.kind === 'called' ? calledLine(locale, notice.counterNumber, notice.recalled) : aheadLine(locale, notice.ahead);
  return { title: notice.number, body, tag: `lobbyflow-${notice.number}`, url: ticketUrl };
}

/** The phone page of a ticket, relative to the server: the service worker opens it on the page's origin. */
export const ticketPagePath = (ticketId: string) => `/kiosk-ui/ticket.html?id=${encodeURIComponent(ticketId)}`;
