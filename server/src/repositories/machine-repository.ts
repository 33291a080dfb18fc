/** The hall's self-service machines, as the wire's `Machine`. */
import type { LocalizedName, Machine } from '../../../protocol/schemas.js';
import type { Db } from './db.js';
import { toMachine } from './mappers.js';

/** What an admin may change about a machine; a field left undefined stays as it is. `name.en` is the label. */
export type MachineChanges = Partial<Pick<Machine, 'kind' | 'label' | 'inService'> & { name: LocalizedName }>;

/** A new machine: its names in every language (`label` is the English one). */
export type NewMachine = Omit<Machine, 'name' | 'faultNote'> & { name: LocalizedName };

/** The branch's machine rows, by kind and label. */
export const listMachines = (db: Db, branchId: string) =>
  db.selectFrom('machines').selectAll().where('branch_id', '=', branchId).orderBy('kind').orderBy('label').execute();

/** The branch's machines, by kind and label. */
async function listByBranch(db: Db, branchId: string): Promise<Machine[]> {
  return (await listMachines(db, branchId)).map(toMachine);
}

/** The machine if it belongs to the branch. */
async function findInBranch(db: Db, branchId: string, machineId: string): Promise<Machine | undefined> {
  const row = await db.selectFrom('machines').selectAll().where('id', '=', machineId).where('branch_id', '=', branchId).executeTakeFirst();
  return row && toMachine(row);
}

async function insert(db: Db, machine: NewMachine): Promise<void> {
  await db
    .insertInto('machines')
    .values({
      id: machine.id,
      branch_id: machine.branchId,
      kind: machine.kind,
      label: machine.name.en,
      name_zh_hant: machine.name.zhHant,
      name_zh_hans: machine.name.zhHans,
      in_service: machine.inService ? 1 : 0,
    })
    .execute();
}

async function update(db: Db, machineId: string, changes: MachineChanges): Promise<void> {
  await db
    .updateTable('machines')
    .set({
      kind: changes.kind,
      label: changes.name?.en ?? changes.label,
      name_zh_hant: changes.name?.zhHant,
      name_zh_hans: changes.name?.zhHans,
      in_service: changes.inService === undefined ? undefined : changes.inService ? 1 : 0,
    })
    .where('id', '=', machineId)
    .execute();
}

async function remove(db: Db, machineId: string): Promise<void> {
  await db.deleteFrom('machines').where('id', '=', machineId).execute();
}

export const machineRepository = Object.freeze({ listByBranch, findInBranch, insert, update, remove });
