/** How long a customer is likely to wait. */

export interface WaitInput {
  peopleAhead: number;
  meanServiceSeconds: number;
  /** Open counters serving the ticket's lane; 0 when none is open yet. */
  openCounters: number;
}

/**
 * Expected wait: the customers ahead, plus the one being served, shared among the open counters.
 * With no counter open we assume one will open, rather than promise an infinite wait.
 */
export function estimateWaitSeconds({ peopleAhead, meanServiceSeconds, openCounters }: WaitInput): number {
  const servers = Math.max(1, openCounters);
  // A counter that is serving is on average half-way through its customer.
  const queueWork = peopleAhead * meanServiceSeconds + 0.5 * meanServiceSeconds * Math.min(servers, peopleAhead + 1);
  return Math.round(queueWork / servers);
}
