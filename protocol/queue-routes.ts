/**
 * The queue API as one table: the branch's lists and snapshot, issuing tickets, the counters'
 * open/pause/close/call-next, the ticket actions, and the customer's own ticket. The server
 * registers these routes from it (server/src/routes/{branches,counters,tickets,public}.ts) and the
 * UIs call them through `ApiClient.call(queueRoutes.callNext, { counterId })`.
 */
import { Type } from '@sinclair/typebox';
import type { CounterAction } from './actions.js';
import { defineRoute, type RouteSpec } from './route-kit.js';
import {
  BranchParams,
  CancelDeviceTicketsBody,
  CallTicketBody,
  CancelledDeviceTickets,
  Counter,
  CounterParams,
  DeviceParams,
  DeviceTicketCount,
  DeviceTicketsQuery,
  DivertBody,
  DiversionBody,
  IssueTicketBody,
  Machine,
  OpenCounterBody,
  PauseCounterBody,
  PublicTicket,
  Service,
  Snapshot,
  Ticket,
  TicketParams,
  TierBody,
  TransferBody,
} from './schemas.js';

const branch = ['branch'];
const ticket = ['ticket'];
const counter = ['counter'];

/** An action on a ticket: `POST /api/tickets/:ticketId/<action>`, answered with the ticket after it. */
const ticketAction = <const Action extends string>(action: Action, summary: string) =>
  defineRoute({ method: 'POST', path: `/api/tickets/:ticketId/${action}`, summary, tags: ticket, params: TicketParams, response: { 200: Ticket } });

/** An action on a counter: `POST /api/counters/:counterId/<action>`, answered with the counter after it. */
const counterAction = <const Action extends string>(action: Action, summary: string) =>
  defineRoute({ method: 'POST', path: `/api/counters/:counterId/${action}`, summary, tags: counter, params: CounterParams, response: { 200: Counter } });

export const queueRoutes = {
  // ── the branch ──
  services: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/services',
    summary: "The branch's active services",
    tags: branch,
    params: BranchParams,
    response: { 200: Type.Array(Service) },
  }),
  counters: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/counters',
    summary: "The branch's counters",
    tags: branch,
    params: BranchParams,
    response: { 200: Type.Array(Counter) },
  }),
  machines: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/machines',
    summary: "The branch's self-service machines",
    tags: branch,
    params: BranchParams,
    response: { 200: Type.Array(Machine) },
  }),
  snapshot: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/snapshot',
    summary: 'The branch as the live socket sends it on connect',
    tags: branch,
    params: BranchParams,
    response: { 200: Snapshot },
  }),
  issueTicket: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/tickets',
    summary: 'Issue a ticket (kiosk, or staff issuing for a customer)',
    tags: ticket,
    params: BranchParams,
    body: IssueTicketBody,
    response: { 201: Ticket },
  }),
  recordDiversion: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/diversions',
    summary: 'Record a customer sent to a self-service machine instead of taking a ticket',
    tags: ticket,
    params: BranchParams,
    body: DiversionBody,
    response: { 204: Type.Null() },
  }),
  deviceTicketCount: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/devices/:deviceId/tickets',
    summary: 'How many waiting tickets a kiosk issued in the last minutes: what cancelDeviceTickets would take back (managers)',
    tags: ticket,
    params: DeviceParams,
    querystring: DeviceTicketsQuery,
    response: { 200: DeviceTicketCount },
  }),
  cancelDeviceTickets: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/devices/:deviceId/cancel-tickets',
    summary: 'Cancel the waiting tickets a kiosk issued in the last minutes, e.g. after it issued too fast (managers)',
    tags: ticket,
    params: DeviceParams,
    body: CancelDeviceTicketsBody,
    response: { 200: CancelledDeviceTickets },
  }),

  // ── counters ──
  openCounter: defineRoute({
    method: 'POST',
    path: '/api/counters/:counterId/open',
    summary: 'Open or resume a counter (a manager may name the teller; an empty body is fine)',
    tags: counter,
    params: CounterParams,
    body: OpenCounterBody,
    response: { 200: Counter },
  }),
  pauseCounter: defineRoute({
    method: 'POST',
    path: '/api/counters/:counterId/pause',
    summary: 'Pause a counter, with a reason (lunch, training, back_office, other): it calls nobody until resumed; an empty body is "other"',
    tags: counter,
    params: CounterParams,
    body: PauseCounterBody,
    response: { 200: Counter },
  }),
  closeCounter: counterAction('close', 'Close a counter (refused while a customer is called to it or served there)'),
  callNext: defineRoute({
    method: 'POST',
    path: '/api/counters/:counterId/call-next',
    summary: 'Call the next ticket for this counter (204 when nobody waits for it)',
    tags: counter,
    params: CounterParams,
    response: { 200: Ticket, 204: Type.Null() },
  }),
  callTicket: defineRoute({
    method: 'POST',
    path: '/api/counters/:counterId/call-ticket',
    summary: 'Call a specific waiting ticket of this counter\'s services (指定叫號), recorded as called directly',
    tags: counter,
    params: CounterParams,
    body: CallTicketBody,
    response: { 200: Ticket },
  }),
  completeAndCallNext: defineRoute({
    method: 'POST',
    path: '/api/counters/:counterId/complete-and-call-next',
    summary: 'Complete the customer being served and call the next ticket, in one step (204 when nobody waits: the completion still counts)',
    tags: counter,
    params: CounterParams,
    response: { 200: Ticket, 204: Type.Null() },
  }),

  // ── tickets ──
  ticket: defineRoute({
    method: 'GET',
    path: '/api/tickets/:ticketId',
    summary: 'One ticket, for staff and devices of its branch',
    tags: ticket,
    params: TicketParams,
    response: { 200: Ticket },
  }),
  recall: ticketAction('recall', 'Call a called ticket again'),
  start: ticketAction('start', 'The called customer arrived: start serving'),
  complete: ticketAction('complete', 'Finish serving'),
  noShow: ticketAction('no-show', 'The called customer did not come (allowed after the branch\'s recalls or seconds since the last call)'),
  undoNoShow: ticketAction('undo-no-show', 'Undo a no-show marked in the last two minutes: the ticket is called to its counter again'),
  requeue: ticketAction('requeue', 'Re-queue a no-show whose customer turned up late (過號重排): it waits again behind N others of its lane or at the end, as the branch\'s lateArrival says, keeping its number (tellers of a counter serving its service, managers)'),
  cancel: ticketAction('cancel', 'Cancel a waiting or called ticket'),
  transfer: defineRoute({
    method: 'POST',
    path: '/api/tickets/:ticketId/transfer',
    summary: 'Move a ticket to another service, back to waiting with its original arrival time',
    tags: ticket,
    params: TicketParams,
    body: TransferBody,
    response: { 200: Ticket },
  }),
  divert: defineRoute({
    method: 'POST',
    path: '/api/tickets/:ticketId/divert',
    summary: 'Send a waiting customer to a self-service machine (managers)',
    tags: ticket,
    params: TicketParams,
    body: DivertBody,
    response: { 200: Ticket },
  }),
  changeTier: defineRoute({
    method: 'POST',
    path: '/api/tickets/:ticketId/tier',
    summary: 'Move a waiting ticket into the VIP or priority lane, or back to regular (managers)',
    tags: ticket,
    params: TicketParams,
    body: TierBody,
    response: { 200: Ticket },
  }),
  undoTriage: ticketAction('undo', 'Undo the ticket\'s last divert, transfer, tier change or cancel made in the last two minutes: it waits again exactly where it was (managers)'),

  // ── without sign-in ──
  publicTicket: defineRoute({
    method: 'GET',
    path: '/api/public/tickets/:ticketId',
    summary: "The customer's own ticket, for the mobile page behind the ticket's QR code",
    tags: ['public'],
    public: true,
    params: TicketParams,
    response: { 200: PublicTicket },
  }),
} as const;

/** The route of each counter action (protocol/actions.ts): open (or resume), pause, close. */
export const counterActionRoutes = {
  open: queueRoutes.openCounter,
  pause: queueRoutes.pauseCounter,
  close: queueRoutes.closeCounter,
} as const satisfies Record<CounterAction, RouteSpec>;
