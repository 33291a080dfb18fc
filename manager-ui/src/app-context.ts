/** What the app root provides to every page: the HTTP client, the signed-in user and the live branch state. */
import { createContext } from '@lit/context';
import type { ApiClient } from '../../protocol/api-client.js';
import type { ConnectionState } from '../../protocol/live-client.js';
import type { RecordHintKind } from '../../protocol/record-kinds.js';
import type { Snapshot, User } from '../../protocol/schemas.js';

export const apiContext = createContext<ApiClient>(Symbol('lobbyflow-api'));
export const userContext = createContext<User | null>(Symbol('lobbyflow-user'));

/** The branch as the live socket last reported it. A new object on every change, so consumers update. */
export interface LiveState {
  snapshot: Snapshot | null;
  connection: ConnectionState;
  /** True while not live: show "Reconnecting…" and dim the data. */
  stale: boolean;
  /** Add to Date.now() to read the server's clock (waits are measured against server timestamps). */
  serverOffsetMs: number;
  /** Hints received per kind of record (LiveClient.recordHints): a page refetches its records when its count moves. */
  recordHints: Readonly<Partial<Record<RecordHintKind, number>>>;
}

export const EMPTY_LIVE: LiveState = { snapshot: null, connection: 'connecting', stale: true, serverOffsetMs: 0, recordHints: {} };

export const liveContext = createContext<LiveState>(Symbol('lobbyflow-live'));
