/** The work diary's routes (protocol diaryRoutes) over the console's signed-in ApiClient. */
import type { ApiClient } from '../../../../protocol/api-client.js';
import { diaryRoutes, type DiaryEntryBody } from '../../../../protocol/diary-routes.js';

export function diaryApi(api: ApiClient, branchId: string) {
  return {
    /** Every manager's entries of a month (YYYY-MM), and the branch's today. */
    month: (month: string) => api.call(diaryRoutes.month, { branchId, month }),
    /** The counts of a business day that prefill the entry. */
    figures: (day: string) => api.call(diaryRoutes.figures, { branchId, day }),
    /** Writes the signed-in manager's own entry for a day. */
    save: (day: string, body: DiaryEntryBody) => api.call(diaryRoutes.save, { branchId, day }, body),
  };
}
