/**
 * When a waiting customer is told "N people ahead of you" (the branch's pushAheadCount): once per
 * ticket, the first time its place moves from more than N ahead to N or fewer. A ticket first seen
 * at N or fewer ahead (its kiosk slip or page already said so) is never told; neither is one that
 * drops back behind N (a VIP placed ahead) and comes forward again. Pure: the notifier keeps the
 * state between the engine's batches.
 */

export interface AheadWatch {
  /** People ahead of each waiting ticket at the last look. */
  positions: ReadonlyMap<string, number>;
  /** Tickets already told, or first seen close enough that they need not be. */
  settled: ReadonlySet<string>;
}

export const emptyAheadWatch = (): AheadWatch => ({ positions: new Map(), settled: new Set() });

/**
 * The tickets to tell now and the watch after this look at `waiting` (every waiting ticket's
 * people ahead, as the engine's replay gives them). Tickets no longer waiting are forgotten.
 */
export function watchAhead(watch: AheadWatch, waiting: Iterable<readonly [ticketId: string, ahead: number]>, aheadCount: number): { tell: string[]; watch: AheadWatch } {
  const positions = new Map<string, number>();
  const settled = new Set<string>();
  const tell: string[] = [];
  for (const [ticketId, ahead] of waiting) {
    positions.set(ticketId, ahead);
    const before = watch.positions.get(ticketId);
    if (watch.settled.has(ticketId)) settled.add(ticketId);
    else if (ahead <= aheadCount) {
      settled.add(ticketId);
      if (before !== undefined && before > aheadCount) tell.push(ticketId);
    }
  }
  return { tell, watch: { positions, settled } };
}
