/** When the kiosk suggests a self-service machine instead of a ticket, as a lobby manager would. Pure. */
import type { Machine, MachineKind, QueueSummary, Service } from '../../../protocol/index.js';
import { nameIn, type KioskLocale } from './locale-choice.js';

export interface SelfServiceSuggestion {
  machineKind: MachineKind;
  /** Machines of that kind in service now. We do not know which of them are free, so we never say "free". */
  inService: number;
  /** Their labels (ATM 1, ATM 2, …), as staff know them. */
  labels: string[];
  /** The machines themselves, to tell the customer what to look for (named in their language). */
  machines: Machine[];
}

/** The service's kind of machine when at least one is in service: what the kiosk could suggest. */
export function suggestSelfService(service: Service, machines: readonly Machine[]): SelfServiceSuggestion | null {
  const kind = service.selfServiceKind;
  if (!kind) return null;
  const working = machines.filter((m) => m.kind === kind && m.inService && m.branchId === service.branchId);
  if (working.length === 0) return null;
  return { machineKind: kind, inService: working.length, labels: working.map((m) => m.label), machines: working };
}

export interface SavingInput {
  service: Service;
  machines: readonly Machine[];
  /** The service's queue summary from the snapshot: the server's `suggestSelfService` decides. */
  queue?: QueueSummary | undefined;
  /** The branch's `selfServiceMinSavingSeconds`, for a server that does not decide yet. */
  minSavingSeconds?: number | undefined;
}

/**
 * The suggestion for a regular customer, only when it saves real time: the server says so
 * (`suggestSelfService`). Without the server's word (an older server): only when people wait and
 * the estimate reaches the branch's threshold. The flow never offers it to priority or VIP tickets.
 */
export function suggestionThatSavesTime({ service, machines, queue, minSavingSeconds = 600 }: SavingInput): SelfServiceSuggestion | null {
  const suggestion = suggestSelfService(service, machines);
  if (!suggestion) return null;
  const savesTime =
    queue?.suggestSelfService ?? (queue !== undefined && queue.waitingCount > 0 && queue.estimatedWaitSeconds >= minSavingSeconds);
  return savesTime ? suggestion : null;
}

/** A machine's name in the customer's language ("ATM 1" / "自動櫃員機 1"); its label when it has no localized name. */
export function machineName(machine: Machine, locale: KioskLocale): string {
  return machine.name ? nameIn(machine.name, locale) || machine.label : machine.label;
}
