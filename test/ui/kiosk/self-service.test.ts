import { describe, expect, it } from 'vitest';
import { suggestSelfService } from '../../../kiosk-ui/src/logic/self-service.js';
import { machine, service } from './fixtures.js';

describe('self-service suggestion', () => {
  it('counts the machines of the service kind that are in service', () => {
    const machines = [
      machine(),
      machine({ id: 'atm-2', label: 'ATM 2', inService: false }),
      machine({ id: 'atm-3', label: 'ATM 3' }),
      machine({ id: 'sst-1', kind: 'self_service_terminal', label: 'Self-service terminal 1' }),
    ];
    expect(suggestSelfService(service(), machines)).toEqual({ machineKind: 'atm', inService: 2, labels: ['ATM 1', 'ATM 3'] });
  });

  it('suggests nothing for a service that needs a counter', () => {
    expect(suggestSelfService(service({ selfServiceKind: null }), [machine()])).toBeNull();
  });

  it('suggests nothing when every machine of that kind is out of service', () => {
    expect(suggestSelfService(service(), [machine({ inService: false })])).toBeNull();
  });

  it('suggests nothing when the branch has only other kinds of machine', () => {
    const transfers = service({ selfServiceKind: 'self_service_terminal' });
    expect(suggestSelfService(transfers, [machine()])).toBeNull();
  });

  it('ignores machines of another branch', () => {
    expect(suggestSelfService(service(), [machine({ branchId: 'other' })])).toBeNull();
  });
});
