import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { PermissionInfo, Role } from '../api/types.ts';

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: ({ signal }) => api<{ items: Role[] }>('/api/roles', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function usePermissions() {
  return useQuery({
    queryKey: ['permissions'],
    queryFn: ({ signal }) => api<{ items: PermissionInfo[] }>('/api/permissions', { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
