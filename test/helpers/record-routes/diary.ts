/**
 * The work diary's routes in the authorisation matrix: managers and admins of the branch read the
 * diary; only a lobby manager writes one (an admin keeps none). The set-up writes the demo manager's
 * entry for the hall's business day, which the examples read and rewrite.
 */
import { businessDay } from '../../../server/src/domain/business-day.js';
import type { RecordRoutes } from '../record-routes.js';
import { MANAGERS } from '../who-may.js';

const diary = '/api/branches/:branchId/diary';
const text = { focus: 'Queue at the cash counters', conversations: '', potentialCustomers: '', problems: 'ATM 2 out of paper' };

const routes: RecordRoutes = {
  async setUp({ t, ids, call }) {
    const day = businessDay(t.clock.now(), 'Asia/Shanghai');
    const entry = await call('manager', 'PUT', `/api/branches/${ids.branchId}/diary/${day}`, text);
    return { diaryDay: day, diaryAuthorId: entry.authorId };
  },
  whoMay: {
    [`GET ${diary}`]: MANAGERS,
    [`GET ${diary}/figures`]: MANAGERS,
    [`PUT ${diary}/:day`]: ['manager'],
    [`GET ${diary}/:day/:authorId`]: MANAGERS,
  },
  examples: (ids) => {
    const branch = { branchId: ids.branchId };
    const day = ids.records.diaryDay!;
    return {
      [`GET ${diary}`]: { params: branch, query: { month: day.slice(0, 7) } },
      [`GET ${diary}/figures`]: { params: branch, query: { day } },
      [`PUT ${diary}/:day`]: { params: { ...branch, day }, body: { ...text, conversations: 'Mrs Chan asked about fixed deposits' } },
      [`GET ${diary}/:day/:authorId`]: { params: { ...branch, day, authorId: ids.records.diaryAuthorId! } },
    };
  },
};
export default routes;
