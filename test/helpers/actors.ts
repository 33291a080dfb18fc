/** The kinds of caller of the staffed hall (helpers/staffed-hall.ts), as the authorisation matrix names them. */

/** Every kind of caller, as the authorisation matrix names them. */
export const ACTORS = [
  'anonymous',
  'kiosk',
  'display',
  'teller',
  'otherTeller',
  'manager',
  'accountManager',
  'admin',
  'otherManager',
  'otherKiosk',
  'otherDisplay',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** Who each caller is, for failure messages. */
export const ACTOR_DESCRIPTIONS: Record<ActorName, string> = {
  anonymous: 'nobody signed in',
  kiosk: 'the demo kiosk',
  display: 'the demo wall display',
  teller: 'teller 1, at counter 1 where the ticket is called',
  otherTeller: 'teller 2, at counter 2',
  manager: 'the demo lobby manager',
  accountManager: 'the demo wealth manager (account_manager), to whom the example referral is made',
  admin: 'the admin of every branch',
  otherManager: 'the manager of the other branch',
  otherKiosk: "the other branch's kiosk",
  otherDisplay: "the other branch's display",
};
