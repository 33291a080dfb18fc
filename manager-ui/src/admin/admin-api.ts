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
import { CALENDAR_ROUTE, type CalendarBody } from '../../../protocol/calendar-schemas.js';
import { NOTICE_ROUTE, type NoticeBoard } from '../../../protocol/notice-schemas.js';
import { notificationRoutes as N, type CreateWebhookBody, type UpdateWebhookBody } from '../../../protocol/notification-routes.js';
import type { Branch, Machine } from '../../../protocol/schemas.js';
import type { AnnouncementLanguage } from '../../../protocol/voice-clips.js';
import { voicePackRoutes as V, type BranchVoicePackLanguage } from '../../../protocol/voice-pack-routes.js';

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
    calendar: {
      get: () => api.get<CalendarBody>(fillPath(CALENDAR_ROUTE, b)),
      replace: (body: CalendarBody) => api.request<CalendarBody>('PUT', fillPath(CALENDAR_ROUTE, b), body),
    },
    noticeBoard: {
      get: () => api.get<NoticeBoard>(fillPath(NOTICE_ROUTE, b)),
      replace: (board: NoticeBoard) => api.request<NoticeBoard>('PUT', fillPath(NOTICE_ROUTE, b), board),
    },
    webhooks: {
      list: () => api.call(N.webhooks, b),
      create: (body: CreateWebhookBody) => api.call(N.createWebhook, b, body),
      update: (webhookId: string, body: UpdateWebhookBody) => api.call(N.updateWebhook, { ...b, webhookId }, body),
      replaceSecret: (webhookId: string) => api.call(N.replaceSecret, { ...b, webhookId }, {}),
      deliveries: (webhookId: string) => api.call(N.deliveries, { ...b, webhookId }),
      test: (webhookId: string) => api.call(N.testWebhook, { ...b, webhookId }),
    },
    voicePack: {
      status: () => api.call(V.status, b),
      /** `files`: the zip or the clips, sent as multipart/form-data. */
      upload: (language: AnnouncementLanguage, files: FormData) =>
        api.request<BranchVoicePackLanguage>('PUT', fillPath(V.upload.path, { ...b, language }), files),
      remove: (language: AnnouncementLanguage) => api.call(V.remove, { ...b, language }),
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
