/** When the kiosk suggests a self-service machine instead of a ticket, as a lobby manager would. Pure. */
import type { Machine, MachineKind, Service } from '../../../protocol/index.js';

export interface SelfServiceSuggestion {
  machineKind: MachineKind;
  /** Machines of that kind in service now. We do not know which of them are free, so we never say "free". */
  inService: number;
  /** Their labels (ATM 1, ATM 2, …), to tell the customer what to look for. */
  labels: string[];
}

/** A suggestion when the service can be done at a machine and at least one such machine is in service. */
export function suggestSelfService(service: Service, machines: readonly Machine[]): SelfServiceSuggestion | null {
  const kind = service.selfServiceKind;
  if (!kind) return null;
  const working = machines.filter((m) => m.kind === kind && m.inService && m.branchId === service.branchId);
  if (working.length === 0) return null;
  return { machineKind: kind, inService: working.length, labels: working.map((m) => m.label) };
}
