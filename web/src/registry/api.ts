import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import type { CensusEntry, Dashboard, Progress, RegistryScope, Training, WeeklyPoint } from '../api/types.ts';

export function useProgress(scope: RegistryScope, id?: string) {
  return useQuery({
    queryKey: ['registry', 'progress', scope, id ?? null],
    queryFn: ({ signal }) => api<Progress>('/api/registry/progress', { query: { scope, id }, signal }),
  });
}

export function useWeekly(scope: RegistryScope, id: string | undefined, weeks = 52) {
  return useQuery({
    queryKey: ['registry', 'weekly', scope, id ?? null, weeks],
    queryFn: ({ signal }) => api<{ series: WeeklyPoint[] }>('/api/registry/weekly', { query: { scope, id, weeks }, signal }),
  });
}

export function useDashboard(scope: RegistryScope, id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'dashboard', scope, id ?? null],
    queryFn: ({ signal }) => api<Dashboard>('/api/registry/dashboard', { query: { scope, id }, signal }),
    enabled,
  });
}

export function useCensus(unitId: string) {
  return useQuery({
    queryKey: ['registry', 'census', unitId],
    queryFn: ({ signal }) => api<{ items: CensusEntry[] }>('/api/registry/census', { query: { unitId }, signal }),
  });
}

export function useTrainings(unitId: string) {
  return useQuery({
    queryKey: ['registry', 'trainings', unitId],
    queryFn: ({ signal }) => api<{ items: Training[] }>('/api/registry/trainings', { query: { unitId }, signal }),
  });
}
