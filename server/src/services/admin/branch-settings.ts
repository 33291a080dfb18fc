/** The branch's own record: its names, time zone, default language and queue thresholds. */
import type { UpdateBranchBody } from '../../../../protocol/admin-schemas.js';
import type { Branch, BranchSettings } from '../../../../protocol/schemas.js';
import { isValidTimeZone } from '../../domain/business-day.js';
import { findBranch } from '../../repositories/branch-repository.js';
import { toBranch } from '../../repositories/mappers.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, invalid, localizedName, requireChanges, type AdminDeps } from './access.js';

export function createBranchSettingsAdmin({ db, runInBranch }: AdminDeps) {
  return {
    async get(actor: Actor, branchId: string): Promise<Branch> {
      await branchAdmin(db, actor, branchId);
      return toBranch((await findBranch(db, branchId))!);
    },

    /** Settings merge into the current ones; amber must not come after red. */
    async update(actor: Actor, branchId: string, body: UpdateBranchBody): Promise<Branch> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const name = body.name && localizedName('name', body.name);
      if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
        throw invalid('timeZone', `${body.timeZone} is not a known IANA time zone (e.g. Asia/Hong_Kong)`);
      }
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const current = toBranch((await findBranch(trx, branchId))!);
        const settings: BranchSettings = { ...current.settings, ...body.settings };
        if (settings.amberWaitSeconds > settings.redWaitSeconds) {
          const field = body.settings?.amberWaitSeconds !== undefined ? 'amberWaitSeconds' : 'redWaitSeconds';
          throw invalid(
            `settings/${field}`,
            `the amber wait (${settings.amberWaitSeconds} s) must not be longer than the red wait (${settings.redWaitSeconds} s)`,
          );
        }
        await trx
          .updateTable('branches')
          .set({
            name_en: name?.en,
            name_zh_hant: name?.zhHant,
            name_zh_hans: name?.zhHans,
            time_zone: body.timeZone,
            default_locale: body.defaultLocale,
            settings: body.settings ? JSON.stringify(settings) : undefined,
          })
          .where('id', '=', branchId)
          .execute();
        emit({ type: 'branch.configured' });
        return toBranch((await findBranch(trx, branchId))!);
      });
      return result;
    },
  };
}
