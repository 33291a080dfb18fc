import { describe, expect, it } from 'vitest';
import { machineName, suggestSelfService, suggestionThatSavesTime } from '../../../kiosk-ui/src/logic/self-service.js';
import type { QueueSummary } from '../../../protocol/index.js';
import { machine, service } from './fixtures.js';

const queue = (overrides: Partial<QueueSummary> = {}): QueueSummary => ({
  serviceId: 'demo-a',
  waitingCount: 6,
  longestWaitSeconds: 600,
  estimatedWaitSeconds: 900,
  openCounters: 2,
  ...overrides,
});

describe('machines that could serve the customer', () => {
  it('counts the machines of the service kind that are in service', () => {
    const machines = [
      machine(),
      machine({ id: 'atm-2', label: 'ATM 2', inService: false }),
      machine({ id: 'atm-3', label: 'ATM 3' }),
      machine({ id: 'sst-1', kind: 'self_service_terminal', label: 'Self-service terminal 1' }),
    ];
    expect(suggestSelfService(service(), machines)).toMatchObject({ machineKind: 'atm', inService: 2, labels: ['ATM 1', 'ATM 3'] });
  });

  it('suggests nothing for a service that needs a counter', () => {
    expect(suggestSelfService(service({ selfServiceKind: null }), [machine()])).toBeNull();
  });

  it('suggests nothing when every machine of that kind is out of service', () => {
    expect(suggestSelfService(service(), [machine({ inService: false })])).toBeNull();
  });

  it('suggests nothing when the branch has only other kinds of machine', () => {
    expect(suggestSelfService(service({ selfServiceKind: 'self_service_terminal' }), [machine()])).toBeNull();
  });

  it('ignores machines of another branch', () => {
    expect(suggestSelfService(service(), [machine({ branchId: 'other' })])).toBeNull();
  });
});

describe('a suggestion only when it saves real time', () => {
  const input = { service: service(), machines: [machine()], minSavingSeconds: 600 };

  it('follows the server: suggestSelfService false means no suggestion, even with a long queue', () => {
    expect(suggestionThatSavesTime({ ...input, queue: queue({ suggestSelfService: false, estimatedWaitSeconds: 3600 }) })).toBeNull();
    expect(suggestionThatSavesTime({ ...input, queue: queue({ suggestSelfService: true }) })).toMatchObject({ machineKind: 'atm' });
  });

  it('never suggests a machine that is out of service, whatever the server says', () => {
    expect(suggestionThatSavesTime({ ...input, machines: [machine({ inService: false })], queue: queue({ suggestSelfService: true }) })).toBeNull();
  });

  it('without the server’s word: not with nobody waiting, not under the branch’s threshold', () => {
    expect(suggestionThatSavesTime({ ...input, queue: queue({ waitingCount: 0, estimatedWaitSeconds: 0 }) })).toBeNull();
    expect(suggestionThatSavesTime({ ...input, queue: queue({ estimatedWaitSeconds: 599 }) })).toBeNull();
    expect(suggestionThatSavesTime({ ...input, queue: queue({ estimatedWaitSeconds: 600 }) })).toMatchObject({ inService: 1 });
    expect(suggestionThatSavesTime({ ...input, queue: undefined })).toBeNull();
  });
});

describe('machine names', () => {
  it('are shown in the customer’s language, like service names', () => {
    const atm = machine({ name: { en: 'ATM 1', zhHant: '自動櫃員機 1', zhHans: '自动柜员机 1' } });
    expect(machineName(atm, 'zh-Hant')).toBe('自動櫃員機 1');
    expect(machineName(atm, 'zh-Hans')).toBe('自动柜员机 1');
    expect(machineName(atm, 'en')).toBe('ATM 1');
  });

  it('fall back to the label from an older server', () => {
    expect(machineName(machine({ label: 'ATM 7' }), 'zh-Hant')).toBe('ATM 7');
  });
});
