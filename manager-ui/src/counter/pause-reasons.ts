/** The words for why a counter is paused (午膳, 培訓, 業務處理, 其他), the same on the counter page and the triage strip. */
import { msg } from '@lit/localize';
import type { PauseReason } from '../../../protocol/schemas.js';

export function pauseReasonLabel(reason: PauseReason): string {
  if (reason === 'lunch') return msg('Lunch');
  if (reason === 'training') return msg('Training');
  if (reason === 'back_office') return msg('Back-office work');
  return msg('Other');
}
