/**
 * The complaint log's routes in the authorisation matrix: managers and admins do everything; teller 1
 * may log a complaint about the ticket called to their counter, and nobody else may.
 */
import type { RecordRoutes } from '../record-routes.js';
import { COUNTER_HOLDER, MANAGERS } from '../who-may.js';

const base = '/api/branches/:branchId/complaints';
const one = `${base}/:complaintId`;

const routes: RecordRoutes = {
  /** Three complaints about the waiting ticket: one open, one replied, one closed. */
  async setUp({ ids, call }) {
    const url = `/api/branches/${ids.branchId}/complaints`;
    const log = async (content: string) =>
      (await call('manager', 'POST', url, { category: 'waiting_time', content, ticketId: ids.waitingTicketId, customerName: 'Lee Siu Ming' })).id as string;
    const open = await log('Waited forty minutes for a deposit');
    const replied = await log('The queue display skipped my number');
    const closed = await log('Nobody answered at the enquiry desk');
    await call('manager', 'POST', `${url}/${replied}/reply`, { reply: 'Apologised and explained the display fault' });
    await call('manager', 'POST', `${url}/${closed}/reply`, { reply: 'Apologised; the desk is now staffed at lunch' });
    await call('manager', 'POST', `${url}/${closed}/close`, { outcome: 'Customer satisfied' });
    return { complaintId: open, repliedComplaintId: replied, closedComplaintId: closed };
  },
  whoMay: {
    [`GET ${base}`]: MANAGERS,
    [`GET ${base}/summary`]: MANAGERS,
    [`POST ${base}`]: COUNTER_HOLDER,
    [`GET ${one}`]: MANAGERS,
    [`PATCH ${one}`]: MANAGERS,
    [`POST ${one}/reply`]: MANAGERS,
    [`POST ${one}/close`]: MANAGERS,
    [`POST ${one}/reopen`]: MANAGERS,
  },
  examples: (ids) => {
    const branch = { branchId: ids.branchId };
    const open = { ...branch, complaintId: ids.records.complaintId! };
    return {
      [`GET ${base}`]: { params: branch, query: { status: 'open', category: 'waiting_time', month: '2026-11', overdue: 'false' } },
      [`GET ${base}/summary`]: { params: branch, query: { from: '2026-06', to: '2026-11' } },
      // Teller 1 logs it about the ticket called to counter 1; teller 2 may not.
      [`POST ${base}`]: { params: branch, body: { category: 'staff_attitude', content: 'The teller was short with me', ticketId: ids.calledTicketId } },
      [`GET ${one}`]: { params: open },
      [`PATCH ${one}`]: { params: open, body: { category: 'equipment', rootCause: 'The display skipped numbers' } },
      [`POST ${one}/reply`]: { params: open, body: { reply: 'We apologised by phone' } },
      [`POST ${one}/close`]: { params: { ...branch, complaintId: ids.records.repliedComplaintId! }, body: { outcome: 'Resolved', fix: 'Display firmware updated' } },
      [`POST ${one}/reopen`]: { params: { ...branch, complaintId: ids.records.closedComplaintId! } },
    };
  },
};
export default routes;
