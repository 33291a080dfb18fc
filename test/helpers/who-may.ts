/** Groups of callers (helpers/staffed-hall.ts) as the authorisation matrix's rows name them. */
import { ACTORS, type ActorName } from './actors.js';

export const EVERYONE = ACTORS;
/** Everyone who works in the demo branch, its devices included, and the admin. */
export const DEMO_HALL = ['kiosk', 'display', 'teller', 'otherTeller', 'manager', 'accountManager', 'admin'] as const;
export const ISSUERS = ['kiosk', 'teller', 'otherTeller', 'manager', 'accountManager', 'admin'] as const;
/** The demo branch's tellers and managers, and the admin (who may work a counter). */
export const DEMO_STAFF = ['teller', 'otherTeller', 'manager', 'admin'] as const;
/** Teller 1, who holds counter 1 and its ticket, and the branch's managers. */
export const COUNTER_HOLDER = ['teller', 'manager', 'admin'] as const;
/** The demo branch's lobby manager and the admin: personal data, configuration, reports. */
export const MANAGERS = ['manager', 'admin'] as const;
/** Signed-in people of any branch; no device. */
export const ANY_STAFF = ['teller', 'otherTeller', 'manager', 'accountManager', 'otherManager', 'admin'] as const;
/** The demo branch's signed-in people and the admin; no device. */
export const DEMO_PEOPLE = ['teller', 'otherTeller', 'manager', 'accountManager', 'admin'] as const;
export const ADMIN = ['admin'] as const;
export const NOBODY = [] as const;

export type WhoMay = Record<string, readonly ActorName[]>;
