import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, buildUrl, NETWORK_ERROR, type FieldError } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { Session } from '../api/types.ts';
import type { Bulletin, CaseDetail, MeetingDetail, Official } from './types.ts';

export const meetingKey = (id: string) => ['meetings', 'detail', id] as const;
export const caseKey = (id: string) => ['cases', 'detail', id] as const;
export const bulletinKey = (id: string) => ['meetings', 'bulletin', id] as const;

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => api<MeetingDetail>(`/api/meetings/${id}`, { signal }),
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api<CaseDetail>(`/api/cases/${id}`, { signal }),
  });
}

export function useBulletin(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: bulletinKey(meetingId),
    queryFn: ({ signal }) => api<Bulletin>(`/api/meetings/${meetingId}/bulletin`, { signal }),
    enabled,
    retry: false,
  });
}

/** A list answer that may come whole (`[...]`, `{items}`) or by keyset pages (`{items, nextCursor}`). */
async function allItems<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: T[] | { items: T[]; nextCursor?: string | null } = await api<T[] | { items: T[]; nextCursor?: string | null }>(path, {
      query: cursor ? { cursor } : {},
      signal,
    });
    if (Array.isArray(page)) return page;
    out.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** The officials directory (a few dozen people): who answers for cases and agreements. */
export function useOfficials(enabled = true) {
  return useQuery({
    queryKey: ['officials', 'all'],
    queryFn: ({ signal }) => allItems<Official>('/api/officials', signal),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * A write of the meetings area: POSTs carry an Idempotency-Key (a retry or a double click does
 * not create twice); on success the meetings, cases and agreements shown are refreshed.
 */
export function useMeetingsWrite<B, R = unknown>(path: string | ((b: B) => string), method: 'POST' | 'PATCH' | 'PUT' = 'POST') {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: B) => {
      const url = typeof path === 'function' ? path(body) : path;
      return api<R>(url, { method, body, ...(method === 'POST' ? { idempotencyKey: key({ url, body }) } : {}) });
    },
    onSuccess: () => invalidateMeetings(queryClient),
  });
}

export function invalidateMeetings(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['meetings'] });
  void queryClient.invalidateQueries({ queryKey: ['cases'] });
  void queryClient.invalidateQueries({ queryKey: ['agreements'] });
}

/**
 * Sends a file as multipart/form-data (field «archivo») with the session's CSRF token, which the
 * JSON client cannot; a problem+json answer becomes an ApiError like every other call.
 */
export async function uploadFile<R>(path: string, file: File, fields: Record<string, string> = {}): Promise<R> {
  const { csrfToken } = await api<Session>('/api/auth/me');
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v) body.append(k, v);
  body.append('archivo', file, file.name);
  let res: Response;
  try {
    res = await fetch(buildUrl(path), {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { accept: 'application/json, application/problem+json', 'x-csrf-token': csrfToken },
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '' });
  }
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // not JSON (proxy error page)
  }
  if (res.ok) return json as R;
  throw new ApiError({
    status: res.status,
    code: typeof json.code === 'string' ? json.code : `HTTP_${res.status}`,
    title: typeof json.title === 'string' ? json.title : res.statusText,
    detail: typeof json.detail === 'string' ? json.detail : '',
    errors: Array.isArray(json.errors) ? (json.errors as FieldError[]) : [],
  });
}

/** Download address of an attachment. */
export const attachmentHref = (id: string) => `/api/attachments/${id}`;
