/**
 * The opening and closing checks (營業前 / 營業後檢查), machine faults, and the triage screen's hall
 * alerts. Checks hold no personal data, so they write no audit rows. A machine found faulty, or
 * found working again, changes through the branch's unit of work: every screen resyncs at once.
 */
import type { CheckAnswer, HallAlerts, HallCheck, MonthOfChecks, TodaysChecks } from '../../../../protocol/check-routes.js';
import type { CheckKind } from '../../../../protocol/record-kinds.js';
import type { Machine } from '../../../../protocol/schemas.js';
import { assertStaff, type Actor, type StaffActor } from '../../domain/actor.js';
import { businessDay } from '../../domain/business-day.js';
import { answeredCheck, checklistOf, hallOpen, isClosedDay, machineChangesOf, offlineDevices, openingCheckSettled } from '../../domain/hall-check-rules.js';
import { notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { findBranch } from '../../repositories/branch-repository.js';
import type { Db } from '../../repositories/db.js';
import { deviceHealthRepository } from '../../repositories/device-health-repository.js';
import { hallCheckRepository as checks } from '../../repositories/hall-check-repository.js';
import { machineRepository } from '../../repositories/machine-repository.js';
import { toBranch } from '../../repositories/mappers.js';
import type { RecordDeps } from './record-deps.js';

/** Who is connected now, from the device presence (server/src/services/records/device-presence.ts). */
export interface PresenceView {
  startedAt: string;
  connectedIds(): ReadonlySet<string>;
}

export function createHallCheckService({ db, clock, hints, runInBranch }: RecordDeps) {
  /** Managers and admins of an existing branch; the branch as the wire has it. */
  async function open(actor: Actor, branchId: string): Promise<{ staff: StaffActor; branch: ReturnType<typeof toBranch> }> {
    assertStaff(actor, branchId, ['admin', 'manager']);
    const row = await findBranch(db, branchId);
    if (!row) throw notFound('branch', branchId);
    return { staff: actor, branch: toBranch(row) };
  }

  async function requireMachine(d: Db, branchId: string, machineId: string): Promise<Machine> {
    const machine = await machineRepository.findInBranch(d, branchId, machineId);
    if (!machine) throw notFound('machine', machineId);
    return machine;
  }

  const today = (timeZone: string) => businessDay(clock.now(), timeZone);

  return {
    /** Today's checklist (the branch's items, then every machine) and the checks done so far. */
    async today(actor: Actor, branchId: string): Promise<TodaysChecks> {
      const { branch } = await open(actor, branchId);
      const day = today(branch.timeZone);
      const [machines, done] = await Promise.all([machineRepository.listByBranch(db, branchId), checks.findDay(db, branchId, day)]);
      return {
        businessDay: day,
        checklist: checklistOf(branch.settings.checklistItems, machines),
        opening: done.find((c) => c.kind === 'opening') ?? null,
        closing: done.find((c) => c.kind === 'closing') ?? null,
      };
    },

    /**
     * Records today's check of `kind`, replacing one done earlier. Machines found faulty go out of
     * service with the item's note; machines out of service found working come back.
     */
    async submit(actor: Actor, branchId: string, kind: CheckKind, submitted: readonly CheckAnswer[]): Promise<HallCheck> {
      const { staff, branch } = await open(actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit, now) => {
        const day = businessDay(now, branch.timeZone);
        const machines = await machineRepository.listByBranch(trx, branchId);
        const items = answeredCheck(checklistOf(branch.settings.checklistItems, machines), submitted);
        const at = now.toISOString();
        await checks.save(trx, { id: newId(), branchId, businessDay: day, kind, items, checkedBy: staff.id, checkedAt: at });
        const changes = machineChangesOf(items, machines);
        for (const { machineId, note } of changes.faulty) await checks.markMachineFaulty(trx, machineId, { note, at, by: staff.id });
        for (const machineId of changes.fixed) await checks.markMachineFixed(trx, machineId);
        if (changes.faulty.length + changes.fixed.length > 0) emit({ type: 'branch.configured' });
        return (await checks.findDay(trx, branchId, day)).find((c) => c.kind === kind)!;
      });
      hints.publish(branchId, { record: 'check', id: result.id });
      return result;
    },

    /** The checks of a month of the branch's calendar, newest first. */
    async month(actor: Actor, branchId: string, month: string): Promise<MonthOfChecks> {
      await open(actor, branchId);
      return { month, checks: await checks.listMonth(db, branchId, month) };
    },

    /** Out of service at once with a note, until someone marks it fixed. */
    async markFaulty(actor: Actor, branchId: string, machineId: string, note: string): Promise<Machine> {
      const { staff } = await open(actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit, now) => {
        await requireMachine(trx, branchId, machineId);
        await checks.markMachineFaulty(trx, machineId, { note: note.trim() || null, at: now.toISOString(), by: staff.id });
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, machineId);
      });
      hints.publish(branchId, { record: 'check', id: machineId });
      return result;
    },

    /** Back in service; marking a working machine fixed changes nothing. */
    async markFixed(actor: Actor, branchId: string, machineId: string): Promise<Machine> {
      const { staff } = await open(actor, branchId);
      const { result } = await runInBranch(branchId, staff.id, async (trx, emit) => {
        const machine = await requireMachine(trx, branchId, machineId);
        if (machine.inService && !machine.faultNote) return machine;
        await checks.markMachineFixed(trx, machineId);
        emit({ type: 'branch.configured' });
        return requireMachine(trx, branchId, machineId);
      });
      hints.publish(branchId, { record: 'check', id: machineId });
      return result;
    },

    /**
     * What the triage screen's alert bar needs besides the queues. "Opening hours", for offline
     * devices, run from the opening check or the first ticket of the day to the closing check.
     */
    async hallAlerts(actor: Actor, branchId: string, presence: PresenceView): Promise<HallAlerts> {
      const { branch } = await open(actor, branchId);
      const now = clock.now();
      const day = businessDay(now, branch.timeZone);
      const [done, tickets, overdueComplaints, machines, devices, deviceFaults, valued] = await Promise.all([
        checks.findDay(db, branchId, day),
        checks.ticketsOfDay(db, branchId, day),
        checks.countOverdueComplaints(db, branchId, now.toISOString()),
        machineRepository.listByBranch(db, branchId),
        deviceHealthRepository.listActiveDevices(db, branchId),
        deviceHealthRepository.listOpenFaults(db, branchId),
        checks.valuedCustomersWaiting(db, branchId, day),
      ]);
      const opening = done.find((c) => c.kind === 'opening');
      const closing = done.find((c) => c.kind === 'closing');
      const isOpen = hallOpen({ openingCheckAt: opening?.checkedAt ?? null, firstTicketAt: tickets.first, closingCheckAt: closing?.checkedAt ?? null });
      return {
        businessDay: day,
        openingCheckDone: openingCheckSettled({ openingCheckDone: !!opening, closedDay: isClosedDay(day, branch.settings.holidays), ticketsToday: tickets.count }),
        overdueComplaints,
        faultyMachines: machines.filter((m) => !m.inService).map((m) => ({ id: m.id, label: m.label, kind: m.kind, faultNote: m.faultNote ?? null })),
        offlineDevices: isOpen ? offlineDevices(devices, presence.connectedIds(), presence.startedAt, now) : [],
        deviceFaults,
        valuedCustomersWaiting: valued,
      };
    },
  };
}

export type HallCheckService = ReturnType<typeof createHallCheckService>;
