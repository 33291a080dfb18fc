/** The words for why a counter is paused (午膳, 培訓, 業務處理, 其他), the same on the counter page and the triage strip. */
import { msg } from '@lit/localize';
import type { Counter, PauseReason } from '../../../protocol/schemas.js';
import { counterStatusLabel } from '../shell/labels.js';

export function pauseReasonLabel(reason: PauseReason): string {
  if (reason === 'lunch') return msg('Lunch');
  if (reason === 'training') return msg('Training');
  if (reason === 'back_office') return msg('Back-office work');
  return msg('Other');
}

/** A counter's state in words: open, closed, or paused with its reason. */
export function counterStateLabel(counter: Pick<Counter, 'status' | 'pauseReason'>): string {
  const status = counterStatusLabel(counter.status);
  return counter.status === 'paused' && counter.pauseReason ? `${status} · ${pauseReasonLabel(counter.pauseReason)}` : status;
}
