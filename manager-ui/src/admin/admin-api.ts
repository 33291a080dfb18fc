/** The branch administration routes (`/api/branches/:branchId/admin/...`) over the console's signed-in ApiClient. */
import type {
  AdminCounter,
  AdminService,
  AdminUser,
  CreateCounterBody,
  CreateDeviceTokenBody,
  CreateMachineBody,
  CreateServiceBody,
  CreateUserBody,
  DeviceToken,
  NewDeviceToken,
  UpdateBranchBody,
  UpdateCounterBody,
  UpdateMachineBody,
  UpdateServiceBody,
  UpdateUserBody,
} from '../../../protocol/admin-schemas.js';
import type { ApiClient } from '../../../protocol/api-client.js';
import type { Branch, Machine } from '../../../protocol/schemas.js';

export type AdminApi = ReturnType<typeof adminApi>;

export function adminApi(api: ApiClient, branchId: string) {
  const base = `/api/branches/${encodeURIComponent(branchId)}/admin`;
  const at = (path: string, id?: string) => `${base}/${path}${id === undefined ? '' : `/${encodeURIComponent(id)}`}`;
  return {
    branchId,
    services: {
      list: () => api.get<AdminService[]>(at('services')),
      create: (body: CreateServiceBody) => api.post<AdminService>(at('services'), body),
      update: (id: string, body: UpdateServiceBody) => api.request<AdminService>('PATCH', at('services', id), body),
    },
    counters: {
      list: () => api.get<AdminCounter[]>(at('counters')),
      create: (body: CreateCounterBody) => api.post<AdminCounter>(at('counters'), body),
      update: (id: string, body: UpdateCounterBody) => api.request<AdminCounter>('PATCH', at('counters', id), body),
      remove: (id: string) => api.request<null>('DELETE', at('counters', id)),
    },
    machines: {
      list: () => api.get<Machine[]>(at('machines')),
      create: (body: CreateMachineBody) => api.post<Machine>(at('machines'), body),
      update: (id: string, body: UpdateMachineBody) => api.request<Machine>('PATCH', at('machines', id), body),
      remove: (id: string) => api.request<null>('DELETE', at('machines', id)),
    },
    users: {
      list: () => api.get<AdminUser[]>(at('users')),
      create: (body: CreateUserBody) => api.post<AdminUser>(at('users'), body),
      update: (id: string, body: UpdateUserBody) => api.request<AdminUser>('PATCH', at('users', id), body),
      resetPassword: (id: string, password: string) => api.post<null>(`${at('users', id)}/password`, { password }),
    },
    deviceTokens: {
      list: () => api.get<DeviceToken[]>(at('device-tokens')),
      create: (body: CreateDeviceTokenBody) => api.post<NewDeviceToken>(at('device-tokens'), body),
      revoke: (id: string) => api.post<DeviceToken>(`${at('device-tokens', id)}/revoke`),
    },
    branch: {
      get: () => api.get<Branch>(at('branch')),
      update: (body: UpdateBranchBody) => api.request<Branch>('PATCH', at('branch'), body),
    },
  };
}
