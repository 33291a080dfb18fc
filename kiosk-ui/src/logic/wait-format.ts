/** Waits are shown to customers in whole minutes, never as seconds or a false "0 min". */
import { msg, str } from '@lit/localize';

/** Whole minutes for a wait in seconds: rounded, and at least 1, so a short wait never reads as none. */
export function wholeWaitMinutes(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds <= 0) return 1;
  return Math.max(1, Math.round(seconds / 60));
}

/** "about 12 min" / "約 12 分鐘" / "约 12 分钟" in the current locale. */
export function formatWait(seconds: number): string {
  const minutes = wholeWaitMinutes(seconds);
  return msg(str`about ${minutes} min`, { desc: 'Estimated wait in whole minutes, e.g. "about 12 min"' });
}
