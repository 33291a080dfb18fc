/**
 * Device health: a kiosk reports a failed print (window.print threw, or no `afterprint` came) or a
 * paper-out signal, and the lobby manager marks it resolved. The server registers these routes from
 * this table (server/src/routes/records/devices.ts); kiosk-ui and the staff console call them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DeviceFaultKind } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id } from './schema-kit.js';
import { BranchParams } from './schemas.js';

export const PrintFailureBody = Type.Object(
  {
    kind: DeviceFaultKind,
    detail: Type.Optional(Type.String({ maxLength: 200, description: "The browser's error, if any (never the customer's ticket)" })),
  },
  { additionalProperties: false },
);
export type PrintFailureBody = Static<typeof PrintFailureBody>;

export const DeviceFaultParams = Type.Object({ branchId: Id, faultId: Id });

export const deviceHealthRoutes = {
  printFailure: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/devices/print-failure',
    summary: 'The calling kiosk reports a failed print or paper out; the triage screen shows it until resolved (kiosks)',
    tags: ['devices'],
    params: BranchParams,
    body: PrintFailureBody,
    response: { 204: Type.Null() },
  }),
  resolveFault: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/device-faults/:faultId/resolve',
    summary: 'Marks a print failure or paper out resolved (managers)',
    tags: ['devices'],
    params: DeviceFaultParams,
    response: { 204: Type.Null() },
  }),
} as const;
