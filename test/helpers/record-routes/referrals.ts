/** The referrals routes in the authorisation matrix: managers refer; the account manager it is made to reads and moves it. */
import type { RecordRoutes } from '../record-routes.js';
import { MANAGERS } from '../who-may.js';

const base = '/api/branches/:branchId';
/** The demo lobby manager, the admin, and wealth1, to whom the example referral is made. */
const MANAGERS_AND_ITS_ACCOUNT_MANAGER = ['manager', 'accountManager', 'admin'] as const;

const routes: RecordRoutes = {
  async setUp({ ids, call }) {
    const [wealth1] = (await call('manager', 'GET', `/api/branches/${ids.branchId}/account-managers`)) as { id: string }[];
    const referral = await call('manager', 'POST', `/api/branches/${ids.branchId}/referrals`, {
      referredTo: wealth1.id,
      need: 'Wants to invest a maturing deposit',
      productInterest: 'Wealth management',
      urgency: 'today',
      ticketId: ids.waitingTicketId,
      customerName: 'Chan Tai Man',
      customerPhone: '+852 9123 4567',
    });
    return { referralId: referral.id, referralAccountManagerId: wealth1.id };
  },
  whoMay: {
    [`GET ${base}/referrals`]: MANAGERS_AND_ITS_ACCOUNT_MANAGER,
    [`POST ${base}/referrals`]: MANAGERS,
    [`GET ${base}/referrals/summary`]: MANAGERS,
    [`GET ${base}/referrals/:referralId`]: MANAGERS_AND_ITS_ACCOUNT_MANAGER,
    [`POST ${base}/referrals/:referralId/status`]: MANAGERS_AND_ITS_ACCOUNT_MANAGER,
    [`GET ${base}/account-managers`]: MANAGERS,
  },
  examples: (ids) => {
    const branch = { branchId: ids.branchId };
    const referral = { ...branch, referralId: ids.records.referralId };
    return {
      [`GET ${base}/referrals`]: { params: branch, query: { status: 'referred', month: '2026-11' } },
      [`POST ${base}/referrals`]: {
        params: branch,
        body: { referredTo: ids.records.referralAccountManagerId, need: 'Asks about a mortgage', urgency: 'now', ticketId: ids.waitingTicketId },
      },
      [`GET ${base}/referrals/summary`]: { params: branch, query: { month: '2026-11' } },
      [`GET ${base}/referrals/:referralId`]: { params: referral },
      [`POST ${base}/referrals/:referralId/status`]: { params: referral, body: { status: 'contacted', note: 'Called; meeting on Friday' } },
      [`GET ${base}/account-managers`]: { params: branch },
    };
  },
};
export default routes;
