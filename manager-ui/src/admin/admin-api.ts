/**
 * The admin routes over the console's signed-in ApiClient: a branch's administration
 * (protocol ADMIN_ROUTES, the paths the server registers), its notice boards, and the server's branches.
 */
import {
  ADMIN_ROUTES as R,
  fillPath,
  type AdminCounter,
  type AdminService,
  type AdminUser,
  type CreateBranchBody,
  type CreateCounterBody,
  type CreateDeviceTokenBody,
  type CreateMachineBody,
  type CreateServiceBody,
  type CreateUserBody,
  type DeviceToken,
  type LoginLock,
  type NewDeviceToken,
  type UpdateBranchBody,
  type UpdateCounterBody,
  type UpdateMachineBody,
  type UpdateServiceBody,
  type UpdateUserBody,
} from '../../../protocol/admin-schemas.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import { NOTICE_ROUTE, type NoticeBoard } from '../../../protocol/notice-schemas.js';
import type { Branch, Machine } from '../../../protocol/schemas.js';

export type AdminApi = ReturnType<typeof adminApi>;

export function adminApi(api: ApiClient, branchId: string) {
  const b = { branchId };
  const patch = <T>(path: string, body: object) => api.request<T>('PATCH', path, body);
  return {
    branchId,
    services: {
      list: () => api.get<AdminService[]>(fillPath(R.services, b)),
      create: (body: CreateServiceBody) => api.post<AdminService>(fillPath(R.services, b), body),
      update: (serviceId: string, body: UpdateServiceBody) => patch<AdminService>(fillPath(R.service, { ...b, serviceId }), body),
    },
    counters: {
      list: () => api.get<AdminCounter[]>(fillPath(R.counters, b)),
      create: (body: CreateCounterBody) => api.post<AdminCounter>(fillPath(R.counters, b), body),
      update: (counterId: string, body: UpdateCounterBody) => patch<AdminCounter>(fillPath(R.counter, { ...b, counterId }), body),
      remove: (counterId: string) => api.request<null>('DELETE', fillPath(R.counter, { ...b, counterId })),
    },
    machines: {
      list: () => api.get<Machine[]>(fillPath(R.machines, b)),
      create: (body: CreateMachineBody) => api.post<Machine>(fillPath(R.machines, b), body),
      update: (machineId: string, body: UpdateMachineBody) => patch<Machine>(fillPath(R.machine, { ...b, machineId }), body),
      remove: (machineId: string) => api.request<null>('DELETE', fillPath(R.machine, { ...b, machineId })),
    },
    users: {
      list: () => api.get<AdminUser[]>(fillPath(R.users, b)),
      create: (body: CreateUserBody) => api.post<AdminUser>(fillPath(R.users, b), body),
      update: (userId: string, body: UpdateUserBody) => patch<AdminUser>(fillPath(R.user, { ...b, userId }), body),
      resetPassword: (userId: string, password: string) => api.post<null>(fillPath(R.userPassword, { ...b, userId }), { password }),
    },
    loginLocks: {
      list: () => api.get<LoginLock[]>(fillPath(R.loginLocks, b)),
      unlock: (userId: string) => api.post<null>(fillPath(R.userUnlock, { ...b, userId })),
    },
    deviceTokens: {
      list: () => api.get<DeviceToken[]>(fillPath(R.deviceTokens, b)),
      create: (body: CreateDeviceTokenBody) => api.post<NewDeviceToken>(fillPath(R.deviceTokens, b), body),
      revoke: (tokenId: string) => api.post<DeviceToken>(fillPath(R.deviceTokenRevoke, { ...b, tokenId })),
    },
    branch: {
      get: () => api.get<Branch>(fillPath(R.branch, b)),
      update: (body: UpdateBranchBody) => patch<Branch>(fillPath(R.branch, b), body),
    },
    noticeBoard: {
      get: () => api.get<NoticeBoard>(fillPath(NOTICE_ROUTE, b)),
      replace: (board: NoticeBoard) => api.request<NoticeBoard>('PUT', fillPath(NOTICE_ROUTE, b), board),
    },
  };
}

export type BranchesApi = ReturnType<typeof branchesApi>;

/** The server's branches: for admins of every branch only. */
export function branchesApi(api: ApiClient) {
  return {
    list: () => api.get<Branch[]>(R.branches),
    create: (body: CreateBranchBody) => api.post<Branch>(R.branches, body),
  };
}
