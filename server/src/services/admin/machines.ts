/** The hall's self-service machines (ATMs, self-service terminals) that customers can be diverted to. */
import { newId } from '../../lib/ids.js';
import type { CreateMachineBody, UpdateMachineBody } from '../../../../protocol/admin-schemas.js';
import type { Machine } from '../../../../protocol/schemas.js';
import { notFound } from '../../errors.js';
import type { Db } from '../../repositories/db.js';
import { hallCheckRepository } from '../../repositories/hall-check-repository.js';
import { machineRepository } from '../../repositories/machine-repository.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, invalid, localizedName, requireChanges, text, type AdminDeps } from './access.js';
import type { LocalizedName } from '../../../../protocol/schemas.js';

/** The machine's names from a body: `name` in every language, or an older client's `label` for all three. */
function machineNames(body: { name?: LocalizedName; label?: string }): LocalizedName | undefined {
  if (body.name) return localizedName('name', body.name);
  if (body.label === undefined) return undefined;
  const label = text('label', body.label);
  return { en: label, zhHant: label, zhHans: label };
}

export function createMachineAdmin({ db, runInBranch }: AdminDeps) {
  async function requireMachine(d: Db, branchId: string, machineId: string): Promise<Machine> {
    const machine = await machineRepository.findInBranch(d, branchId, machineId);
    if (!machine) throw notFound('machine', machineId);
    return machine;
  }

  return {
    async list(actor: Actor, branchId: string): Promise<Machine[]> {
      await branchAdmin(db, actor, branchId);
      return machineRepository.listByBranch(db, branchId);
    },

    async create(actor: Actor, branchId: string, body: CreateMachineBody): Promise<Machine> {
      const staff = await branchAdmin(db, actor, branchId);
      const name = machineNames(body);
      if (!name) throw invalid('name', 'is required (or label)');
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const id = newId();
        await machineRepository.insert(trx, { id, branchId, kind: body.kind, label: name.en, name, inService: body.inService !== false });
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, id);
      });
      return result;
    },

    /** `inService: false` when a machine is broken: the lobby stops sending customers to it (fault note: POST …/machines/:id/fault). */
    async update(actor: Actor, branchId: string, machineId: string, body: UpdateMachineBody): Promise<Machine> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      // A label alone renames the English name only: the Chinese names an admin gave stay.
      const name = body.name ? localizedName('name', body.name) : undefined;
      const label = name || body.label === undefined ? undefined : text('label', body.label);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit, now) => {
        const before = await requireMachine(trx, branchId, machineId);
        await machineRepository.update(trx, machineId, { kind: body.kind, label, name, inService: body.inService });
        // Taken out here, it is faulty as from a check (who and when; the note comes from the fault
        // route); back in service, its fault is forgotten.
        if (body.inService === false && before.inService) await hallCheckRepository.markMachineFaulty(trx, machineId, { note: null, at: now.toISOString(), by: staff.id });
        if (body.inService === true && !before.inService) await hallCheckRepository.markMachineFixed(trx, machineId);
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, machineId);
      });
      return result;
    },

    /** Machines hold no history (a diversion records the kind, not the machine), so they can go. */
    async remove(actor: Actor, branchId: string, machineId: string): Promise<void> {
      const staff = await branchAdmin(db, actor, branchId);
      await runInBranch(branchId, staff.id, async (trx, emit) => {
        await requireMachine(trx, branchId, machineId);
        await machineRepository.remove(trx, machineId);
        emit({ type: 'branch.configured' });
      });
    },
  };
}
