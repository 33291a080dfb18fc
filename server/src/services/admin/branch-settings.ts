/** The branch's own record: its names, time zone, default language and queue thresholds. */
import type { UpdateBranchBody } from '../../../../protocol/admin-schemas.js';
import type { Branch, BranchSettings } from '../../../../protocol/schemas.js';
import { isValidTimeZone } from '../../domain/business-day.js';
import { checkRecordSettings } from '../../domain/record-settings.js';
import { languagesAfterLocaleChange } from '../../domain/announcement-defaults.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, invalid, localizedName, requireChanges, type AdminDeps } from './access.js';

export function createBranchSettingsAdmin({ db, runInBranch }: AdminDeps) {
  return {
    async get(actor: Actor, branchId: string): Promise<Branch> {
      await branchAdmin(db, actor, branchId);
      return (await branchRepository.findById(db, branchId))!;
    },

    /** Settings merge into the current ones; amber must not come after red; holidays and checklist items are checked and tidied. */
    async update(actor: Actor, branchId: string, body: UpdateBranchBody): Promise<Branch> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const name = body.name && localizedName('name', body.name);
      if (body.timeZone !== undefined && !isValidTimeZone(body.timeZone)) {
        throw invalid('timeZone', `${body.timeZone} is not a known IANA time zone (e.g. Asia/Hong_Kong)`);
      }
      const records = checkRecordSettings(body.settings ?? {});
      if (!records.ok) throw invalid(`settings/${records.field}`, records.problem);
      const tidied: Partial<BranchSettings> = {
        ...(records.holidays && { holidays: records.holidays }),
        ...(records.checklistItems && { checklistItems: records.checklistItems }),
      };
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const current = (await branchRepository.findById(trx, branchId))!;
        const settings: BranchSettings = { ...current.settings, ...body.settings, ...tidied };
        // A branch that becomes a Hong Kong branch hears Cantonese, unless it chose its own languages.
        const relocated = body.defaultLocale !== undefined && body.settings?.announcementLanguages === undefined;
        if (relocated) settings.announcementLanguages = languagesAfterLocaleChange(current.settings.announcementLanguages, current.defaultLocale, body.defaultLocale!);
        if (settings.amberWaitSeconds > settings.redWaitSeconds) {
          const field = body.settings?.amberWaitSeconds !== undefined ? 'amberWaitSeconds' : 'redWaitSeconds';
          throw invalid(
            `settings/${field}`,
            `the amber wait (${settings.amberWaitSeconds} s) must not be longer than the red wait (${settings.redWaitSeconds} s)`,
          );
        }
        await branchRepository.update(trx, branchId, {
          name,
          timeZone: body.timeZone,
          defaultLocale: body.defaultLocale,
          settings: body.settings || relocated ? settings : undefined,
        });
        emit({ type: 'branch.configured' });
        return (await branchRepository.findById(trx, branchId))!;
      });
      return result;
    },
  };
}
