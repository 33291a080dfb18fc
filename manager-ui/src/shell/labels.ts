/** The same facts in the same words on every page (SCREENS.md): counters, waits, tiers, machines. */
import { msg, str } from '@lit/localize';
import type { CounterStatus, MachineKind, Tier } from '../../../protocol/schemas.js';

/** 3號窗口 / 3号窗口 / Counter 3 */
export const counterName = (number: number) => msg(str`Counter ${number}`);

/** A wait so far, in whole minutes. */
export const minutesLabel = (minutes: number) => msg(str`${minutes} min`);

/** An estimate: 約 12 分鐘 / 约 12 分钟 / about 12 min */
export const aboutMinutesLabel = (minutes: number) => msg(str`about ${minutes} min`);

export const waitingCountLabel = (count: number) => msg(str`${count} waiting`);

/** People ahead of a ticket in the queue. */
export const aheadLabel = (count: number) => msg(str`${count} ahead`);

export function tierLabel(tier: Tier): string {
  if (tier === 'vip') return msg('VIP');
  if (tier === 'priority') return msg('Priority');
  return msg('Regular');
}

/** The symbol that marks a tier in lists: VIP ★, priority ♿ (text symbols: hall tablets may lack an emoji font). */
export const TIER_SYMBOL: Readonly<Record<Tier, string>> = { vip: '★', priority: '♿', regular: '' };

export function machineKindLabel(kind: MachineKind): string {
  return kind === 'atm' ? msg('ATM') : msg('Self-service terminal');
}

export function counterStatusLabel(status: CounterStatus): string {
  if (status === 'open') return msg('Open');
  if (status === 'paused') return msg('Paused');
  return msg('Closed');
}
