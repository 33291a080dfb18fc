/**
 * Branch administration, for admins (any branch) and managers (their own branch):
 * `/api/branches/:branchId/admin/{services,counters,machines,users,login-locks,device-tokens,branch}`;
 * and the server's branches for admins of every branch: `/api/admin/branches`.
 * Paths are protocol's ADMIN_ROUTES, which the admin page uses too.
 * Each resource is a collection (GET lists, POST creates) with items under `/:id` (PATCH edits,
 * DELETE removes where history allows). Services are deactivated with `PATCH {active: false}`,
 * never deleted; device tokens are revoked, not deleted, so the list stays a record.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ADMIN_ROUTES,
  AdminCounter,
  AdminCounterParams,
  AdminDeviceTokenParams,
  AdminMachineParams,
  AdminService,
  AdminServiceParams,
  AdminUser,
  AdminUserParams,
  LoginLock,
  CreateBranchBody,
  CreateCounterBody,
  CreateDeviceTokenBody,
  CreateMachineBody,
  CreateServiceBody,
  CreateUserBody,
  DeviceToken,
  NewDeviceToken,
  ResetPasswordBody,
  UpdateBranchBody,
  UpdateCounterBody,
  UpdateMachineBody,
  UpdateServiceBody,
  UpdateUserBody,
} from '../../../protocol/admin-schemas.js';
import { Branch, BranchParams, Machine } from '../../../protocol/schemas.js';
import { actorOf, tokenOf } from '../plugins/auth.js';
import { hashToken } from '../lib/tokens.js';

const admin: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.authenticate);
  const { services, counters, machines, staff, loginLocks, deviceTokens, branch, branches } = app.lobby.admin;
  const doc = (summary: string) => ({ tags: ['admin'], security: [{ bearerAuth: [] }], summary });
  const noContent = { 204: Type.Null() };

  // ── services ──
  app.get(
    ADMIN_ROUTES.services,
    { schema: { ...doc('List services, inactive ones included'), params: BranchParams, response: { 200: Type.Array(AdminService) } } },
    async (req) => services.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.services,
    { schema: { ...doc('Create a service (409 if the prefix is taken)'), params: BranchParams, body: CreateServiceBody, response: { 201: AdminService } } },
    async (req, reply) => reply.status(201).send(await services.create(actorOf(req), req.params.branchId, req.body)),
  );
  app.patch(
    ADMIN_ROUTES.service,
    {
      schema: {
        ...doc('Edit a service; {active: false} deactivates it (409 while customers wait for it)'),
        params: AdminServiceParams,
        body: UpdateServiceBody,
        response: { 200: AdminService },
      },
    },
    async (req) => services.update(actorOf(req), req.params.branchId, req.params.serviceId, req.body),
  );

  // ── counters ──
  app.get(
    ADMIN_ROUTES.counters,
    { schema: { ...doc('List counters, with whether each may still be deleted'), params: BranchParams, response: { 200: Type.Array(AdminCounter) } } },
    async (req) => counters.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.counters,
    { schema: { ...doc('Create a counter (409 if the number exists)'), params: BranchParams, body: CreateCounterBody, response: { 201: AdminCounter } } },
    async (req, reply) => reply.status(201).send(await counters.create(actorOf(req), req.params.branchId, req.body)),
  );
  app.patch(
    ADMIN_ROUTES.counter,
    { schema: { ...doc('Change the services a counter calls, VIP or low counter'), params: AdminCounterParams, body: UpdateCounterBody, response: { 200: AdminCounter } } },
    async (req) => counters.update(actorOf(req), req.params.branchId, req.params.counterId, req.body),
  );
  app.delete(
    ADMIN_ROUTES.counter,
    { schema: { ...doc('Delete a counter that was never used (409 otherwise)'), params: AdminCounterParams, response: noContent } },
    async (req, reply) => {
      await counters.remove(actorOf(req), req.params.branchId, req.params.counterId);
      return reply.status(204).send(null);
    },
  );

  // ── machines ──
  app.get(
    ADMIN_ROUTES.machines,
    { schema: { ...doc('List self-service machines'), params: BranchParams, response: { 200: Type.Array(Machine) } } },
    async (req) => machines.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.machines,
    { schema: { ...doc('Add a self-service machine'), params: BranchParams, body: CreateMachineBody, response: { 201: Machine } } },
    async (req, reply) => reply.status(201).send(await machines.create(actorOf(req), req.params.branchId, req.body)),
  );
  app.patch(
    ADMIN_ROUTES.machine,
    { schema: { ...doc('Rename a machine, change its kind, or take it out of service'), params: AdminMachineParams, body: UpdateMachineBody, response: { 200: Machine } } },
    async (req) => machines.update(actorOf(req), req.params.branchId, req.params.machineId, req.body),
  );
  app.delete(
    ADMIN_ROUTES.machine,
    { schema: { ...doc('Remove a machine'), params: AdminMachineParams, response: noContent } },
    async (req, reply) => {
      await machines.remove(actorOf(req), req.params.branchId, req.params.machineId);
      return reply.status(204).send(null);
    },
  );

  // ── staff ──
  app.get(
    ADMIN_ROUTES.users,
    { schema: { ...doc("List the branch's staff accounts"), params: BranchParams, response: { 200: Type.Array(AdminUser) } } },
    async (req) => staff.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.users,
    { schema: { ...doc('Create a staff account (409 if the username is taken)'), params: BranchParams, body: CreateUserBody, response: { 201: AdminUser } } },
    async (req, reply) => reply.status(201).send(await staff.create(actorOf(req), req.params.branchId, req.body)),
  );
  app.patch(
    ADMIN_ROUTES.user,
    { schema: { ...doc('Change role, display name or active'), params: AdminUserParams, body: UpdateUserBody, response: { 200: AdminUser } } },
    async (req) => staff.update(actorOf(req), req.params.branchId, req.params.userId, req.body),
  );
  app.post(
    ADMIN_ROUTES.userPassword,
    { schema: { ...doc("Reset a user's password; their other sessions end"), params: AdminUserParams, body: ResetPasswordBody, response: noContent } },
    async (req, reply) => {
      const token = tokenOf(req);
      await staff.resetPassword(actorOf(req), req.params.branchId, req.params.userId, req.body.password, token ? hashToken(token) : undefined);
      return reply.status(204).send(null);
    },
  );

  // ── sign-in locks (admins only) ──
  app.get(
    ADMIN_ROUTES.loginLocks,
    { schema: { ...doc('Staff accounts locked now or with failed sign-ins in the last day (admins only)'), params: BranchParams, response: { 200: Type.Array(LoginLock) } } },
    async (req) => loginLocks.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.userUnlock,
    { schema: { ...doc("Lift a staff account's sign-in lock and forget its failures (admins only)"), params: AdminUserParams, response: noContent } },
    async (req, reply) => {
      await loginLocks.unlock(actorOf(req), req.params.branchId, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  // ── device tokens ──
  app.get(
    ADMIN_ROUTES.deviceTokens,
    { schema: { ...doc('List kiosk and display tokens (never the tokens themselves)'), params: BranchParams, response: { 200: Type.Array(DeviceToken) } } },
    async (req) => deviceTokens.list(actorOf(req), req.params.branchId),
  );
  app.post(
    ADMIN_ROUTES.deviceTokens,
    { schema: { ...doc('Register a kiosk or display; the reply holds its token, shown only this once'), params: BranchParams, body: CreateDeviceTokenBody, response: { 201: NewDeviceToken } } },
    async (req, reply) => reply.status(201).send(await deviceTokens.create(actorOf(req), req.params.branchId, req.body)),
  );
  app.post(
    ADMIN_ROUTES.deviceTokenRevoke,
    { schema: { ...doc('Revoke a device token (409 if already revoked)'), params: AdminDeviceTokenParams, response: { 200: DeviceToken } } },
    async (req) => deviceTokens.revoke(actorOf(req), req.params.branchId, req.params.tokenId),
  );

  // ── the branch itself ──
  app.get(
    ADMIN_ROUTES.branch,
    { schema: { ...doc('Branch name, time zone, default language and queue thresholds'), params: BranchParams, response: { 200: Branch } } },
    async (req) => branch.get(actorOf(req), req.params.branchId),
  );
  app.patch(
    ADMIN_ROUTES.branch,
    { schema: { ...doc('Edit the branch; settings merge into the current ones'), params: BranchParams, body: UpdateBranchBody, response: { 200: Branch } } },
    async (req) => branch.update(actorOf(req), req.params.branchId, req.body),
  );

  // ── the server's branches (admins of every branch) ──
  app.get(
    ADMIN_ROUTES.branches,
    { schema: { ...doc('List every branch on this server (admins only)'), response: { 200: Type.Array(Branch) } } },
    async (req) => branches.list(actorOf(req)),
  );
  app.post(
    ADMIN_ROUTES.branches,
    {
      schema: {
        ...doc('Open a branch with the default queue settings (admins only; 409 if the id is taken)'),
        body: CreateBranchBody,
        response: { 201: Branch },
      },
    },
    async (req, reply) => reply.status(201).send(await branches.create(actorOf(req), req.body)),
  );
};
export default admin;
