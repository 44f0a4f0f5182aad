import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { ClinicalRecord, Page, TimelineEvent } from '../api/types.ts';

export const clinicalKey = (id: string) => ['patients', 'clinical', id] as const;

export function useClinical(patientId: string, enabled = true) {
  return useQuery({
    queryKey: clinicalKey(patientId),
    queryFn: ({ signal }) => api<ClinicalRecord>(`/api/patients/${patientId}/clinical`, { signal }),
    enabled,
  });
}

export function useTimeline(patientId: string) {
  const q = useInfiniteQuery({
    queryKey: ['patients', 'timeline', patientId],
    queryFn: ({ pageParam, signal }) =>
      api<Page<TimelineEvent>>(`/api/patients/${patientId}/timeline`, { query: { limit: 25, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  return { ...q, items: q.data?.pages.flatMap((p) => p.items) ?? [] };
}

/**
 * A write to a patient's record (POST creates with an Idempotency-Key, PATCH with a version):
 * afterwards the record, its clinical data, its timeline, the lists and the registry figures are
 * read again.
 */
export function usePatientWrite<B, R = unknown>(patientId: string, path: string | ((b: B) => string), method: 'POST' | 'PATCH' = 'POST') {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: B) => {
      const url = typeof path === 'function' ? path(body) : path;
      return api<R>(url, { method, body, ...(method === 'POST' ? { idempotencyKey: key({ url, body }) } : {}) });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['patients'] });
      void queryClient.invalidateQueries({ queryKey: ['registry'] });
      void queryClient.invalidateQueries({ queryKey: ['worklists'] });
      void patientId;
    },
  });
}
