import { v7 } from 'uuid';

/**
 * A new id: UUID v7, which sorts by creation time (monotonic within the process). Tickets issued
 * in the same millisecond keep their issue order when ordered by (issued_at, id).
 */
export const newId = (): string => v7();
