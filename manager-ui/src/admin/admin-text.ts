/** Words the admin sections share, in the staff's own terms (DOMAIN.md), and how problems read. */
import { msg, str } from '@lit/localize';
import type { DeviceKind } from '../../../protocol/admin-schemas.js';
import { ApiError } from '../../../protocol/api-client.js';
import type { LocalizedName, MachineKind, Role } from '../../../protocol/schemas.js';
import type { Problem } from './admin-validation.js';

/**
 * The console's language. The shell sets `<html lang>` whenever it switches locale
 * (manager-ui/src/localization.ts), and `@localized()` re-renders us when the switch is done.
 */
export function currentLocale(): 'zh-Hant' | 'zh-HK' | 'zh-Hans' | 'en' {
  const lang = globalThis.document?.documentElement.lang;
  return lang === 'zh-Hans' || lang === 'en' || lang === 'zh-HK' ? lang : 'zh-Hant';
}

/** A service or branch name in the console's language (zh-HK reads the Traditional name). */
export function localName(name: LocalizedName): string {
  const locale = currentLocale();
  return locale === 'en' ? name.en : locale === 'zh-Hans' ? name.zhHans : name.zhHant;
}

export const counterName = (number: number) => msg(str`Counter ${number}`);

export function roleName(role: Role): string {
  if (role === 'admin') return msg('Administrator');
  if (role === 'manager') return msg('Lobby manager');
  if (role === 'account_manager') return msg('Account manager');
  return msg('Teller');
}

export const machineKindName = (kind: MachineKind) => (kind === 'atm' ? msg('ATM') : msg('Self-service terminal'));

export const deviceKindName = (kind: DeviceKind) => (kind === 'kiosk' ? msg('Ticket kiosk') : msg('Wall display'));

const minutes = (value: number) => Math.round(value * 10) / 10;

export function problemText(problem: Problem): string {
  switch (problem.kind) {
    case 'required':
      return msg('Required');
    case 'range':
      return msg(str`Enter a number from ${minutes(problem.min)} to ${minutes(problem.max)}`);
    case 'whole':
      return msg('Enter a whole number');
    case 'tooLong':
      return msg(str`At most ${problem.max} characters`);
    case 'tooShort':
      return msg(str`At least ${problem.min} characters`);
    case 'prefix':
      return msg('One capital letter, A to Z');
    case 'username':
      return msg('2 to 64 letters, digits, dots, dashes or underscores; no spaces');
    case 'taken':
      return msg('Already used in this branch');
    case 'timeZone':
      return msg('Not a known time zone; choose one from the list, e.g. Asia/Hong_Kong');
    case 'amberAfterRed':
      return msg('Amber must not be longer than red');
    case 'mismatch':
      return msg('The two passwords differ');
    case 'noService':
      return msg('Choose at least one service');
    case 'branchId':
      return msg('2 to 32 lower-case letters, digits or dashes, e.g. kowloon-east');
    case 'branchTaken':
      return msg('Another branch already has this id');
    case 'url':
      return msg('A whole address starting with https:// (or http://), e.g. https://queue.example-bank.hk');
  }
}

/** A headline in the console's language above the server's own (English) message. */
export function refusalTitle(err: unknown): string {
  const code = err instanceof ApiError ? err.code : 'INTERNAL';
  if (code === 'VALIDATION_FAILED') return msg('The server did not accept these values.');
  if (code === 'FORBIDDEN') return msg('Your role is not allowed to do this.');
  if (code === 'NOT_FOUND') return msg('This record no longer exists. The list has been reloaded.');
  if (code === 'CONFLICT') return msg('This clashes with the branch’s current records.');
  return msg('Not saved.');
}

/** What to show when the server refuses: its own message, or plain words when it cannot be reached. */
export function refusalText(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return msg('No connection to the server. Check the network and try again.');
    if (err.code === 'UNAUTHENTICATED') return msg('Your session has ended. Sign in again.');
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}
