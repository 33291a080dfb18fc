/**
 * The server's branches, for admins of every branch: a real install starts with none, so the first
 * admin opens each branch here before configuring its services, counters and staff.
 */
import type { CreateBranchBody } from '../../../../protocol/admin-schemas.js';
import type { Branch } from '../../../../protocol/schemas.js';
import { isValidTimeZone } from '../../domain/business-day.js';
import { forbidden } from '../../errors.js';
import { branchRepository } from '../../repositories/branch-repository.js';
import { DEFAULT_SETTINGS } from '../../repositories/mappers.js';
import { defaultAnnouncementLanguages } from '../../domain/announcement-defaults.js';
import type { Actor } from '../../domain/actor.js';
import { conflict, invalid, localizedName, onDuplicate, type AdminDeps } from './access.js';

/** Only an admin who works across branches; a branch's own staff never see the others. */
function assertServerAdmin(actor: Actor): void {
  if (actor.kind !== 'user' || actor.role !== 'admin' || actor.branchId !== null) {
    throw forbidden('only an administrator of every branch may list or open branches');
  }
}

export function createBranchDirectory({ db, clock }: Pick<AdminDeps, 'db' | 'clock'>) {
  return {
    async list(actor: Actor): Promise<Branch[]> {
      assertServerAdmin(actor);
      return branchRepository.listAll(db);
    },

    /** Opens a branch with the default queue settings and empty boards; 409 if the id is taken. */
    async create(actor: Actor, body: CreateBranchBody): Promise<Branch> {
      assertServerAdmin(actor);
      const name = localizedName('name', body.name);
      const timeZone = body.timeZone.trim();
      if (!isValidTimeZone(timeZone)) throw invalid('timeZone', `${body.timeZone} is not a known IANA time zone (e.g. Asia/Hong_Kong)`);
      const taken = () => conflict(`a branch with the id ${body.id} already exists`);
      if (await branchRepository.exists(db, body.id)) throw taken();
      await branchRepository
        .insert(db, { id: body.id, name, timeZone, defaultLocale: body.defaultLocale, settings: { ...DEFAULT_SETTINGS, announcementLanguages: defaultAnnouncementLanguages(body.defaultLocale) } }, clock.now().toISOString())
        .catch(onDuplicate(taken().message));
      return (await branchRepository.findById(db, body.id))!;
    },
  };
}
