/**
 * The customer resource sheet's routes in the authorisation matrix: personal data, so the demo
 * branch's manager and the admin only; no teller, device, account manager or other branch.
 */
import type { RecordRoutes } from '../record-routes.js';
import { MANAGERS } from '../who-may.js';

const base = '/api/branches/:branchId/customers';
const one = `${base}/:customerId`;

const routes: RecordRoutes = {
  /** One VIP customer on the sheet, looked after by the demo wealth manager. */
  async setUp({ ids, call }) {
    const managers = (await call('manager', 'GET', `/api/branches/${ids.branchId}/customer-managers`)) as { id: string; role: string }[];
    const wealth = managers.find((m) => m.role === 'account_manager')!;
    const customer = await call('manager', 'POST', `/api/branches/${ids.branchId}/customers`, {
      name: 'Chan Tai Man',
      number: '6222 0202 0001 2345',
      tier: 'vip',
      phone: '+852 9123 4567',
      needs: 'Time deposits',
      managerId: wealth.id,
    });
    return { customerId: customer.id as string };
  },
  whoMay: {
    [`GET ${base}`]: MANAGERS,
    [`POST ${base}`]: MANAGERS,
    [`GET ${one}`]: MANAGERS,
    [`PATCH ${one}`]: MANAGERS,
    [`DELETE ${one}`]: MANAGERS,
    [`POST ${base}/import`]: MANAGERS,
    ['GET /api/branches/:branchId/customer-managers']: MANAGERS,
  },
  examples: (ids) => {
    const branch = { branchId: ids.branchId };
    const customer = { ...branch, customerId: ids.records.customerId! };
    return {
      [`GET ${base}`]: { params: branch, query: { q: 'Chan', tier: 'vip' } },
      [`POST ${base}`]: { params: branch, body: { name: 'Wong Siu Ling', number: '6222020200099999', tier: 'valued', needs: 'Insurance' } },
      [`GET ${one}`]: { params: customer },
      [`PATCH ${one}`]: { params: customer, body: { tier: 'valued', notes: 'Prefers mornings' } },
      [`DELETE ${one}`]: { params: customer },
      [`POST ${base}/import`]: { params: branch, body: { csv: 'name,number,tier\nLee Ka Yan,6222020200088888,vip\n', dryRun: false } },
      ['GET /api/branches/:branchId/customer-managers']: { params: branch },
    };
  },
};
export default routes;
