/** The hall's self-service machines (ATMs, self-service terminals) that customers can be diverted to. */
import { newId } from '../../lib/ids.js';
import type { CreateMachineBody, UpdateMachineBody } from '../../../../protocol/admin-schemas.js';
import type { Machine } from '../../../../protocol/schemas.js';
import { notFound } from '../../errors.js';
import { listMachines } from '../../repositories/branch-repository.js';
import type { Db } from '../../repositories/db.js';
import { toMachine } from '../../repositories/mappers.js';
import type { Actor } from '../../domain/actor.js';
import { branchAdmin, requireChanges, text, type AdminDeps } from './access.js';

export function createMachineAdmin({ db, runInBranch }: AdminDeps) {
  async function requireMachine(d: Db, branchId: string, machineId: string) {
    const row = await d.selectFrom('machines').selectAll().where('id', '=', machineId).where('branch_id', '=', branchId).executeTakeFirst();
    if (!row) throw notFound('machine', machineId);
    return row;
  }

  return {
    async list(actor: Actor, branchId: string): Promise<Machine[]> {
      await branchAdmin(db, actor, branchId);
      return (await listMachines(db, branchId)).map(toMachine);
    },

    async create(actor: Actor, branchId: string, body: CreateMachineBody): Promise<Machine> {
      const staff = await branchAdmin(db, actor, branchId);
      const label = text('label', body.label);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const id = newId();
        await trx
          .insertInto('machines')
          .values({ id, branch_id: branchId, kind: body.kind, label, in_service: body.inService === false ? 0 : 1 })
          .execute();
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, id);
      });
      return toMachine(result);
    },

    /** `inService: false` when a machine is broken: the lobby stops sending customers to it. */
    async update(actor: Actor, branchId: string, machineId: string, body: UpdateMachineBody): Promise<Machine> {
      const staff = await branchAdmin(db, actor, branchId);
      requireChanges(body);
      const label = body.label === undefined ? undefined : text('label', body.label);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        await requireMachine(trx, branchId, machineId);
        await trx
          .updateTable('machines')
          .set({ kind: body.kind, label, in_service: body.inService === undefined ? undefined : body.inService ? 1 : 0 })
          .where('id', '=', machineId)
          .execute();
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, machineId);
      });
      return toMachine(result);
    },

    /** Machines hold no history (a diversion records the kind, not the machine), so they can go. */
    async remove(actor: Actor, branchId: string, machineId: string): Promise<void> {
      const staff = await branchAdmin(db, actor, branchId);
      await runInBranch(branchId, staff.id, async (trx, emit) => {
        await requireMachine(trx, branchId, machineId);
        await trx.deleteFrom('machines').where('id', '=', machineId).execute();
        emit({ type: 'branch.configured' });
      });
    },
  };
}
