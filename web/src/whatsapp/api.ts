import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import { useIdempotencyKey } from '../api/idempotency.ts';
import type { ContactMessages, Conversation, ConversationStatus, FlowDetail, FlowSummary, SimulatorInfo, Template, WaFigures, WaMessage } from './types.ts';

/**
 * Polling periods of a conversation while the page is visible. Each poll is an audited read of the
 * contact's messages (every read of personal data is), so the inbox, where a person reads and types,
 * polls less often than the simulator, where a demo waits for the bot's answer.
 */
export const POLL_MS = { simulator: 1_000, inbox: 3_000 } as const;

/** Digits only; a 10-digit Mexican number becomes 52 + 10 digits (the server accepts both). */
export function canonicalPhone(input: string): string {
  const d = input.replace(/\D/g, '');
  if (d.length === 10) return `52${d}`;
  if (d.length === 13 && d.startsWith('521')) return `52${d.slice(3)}`;
  return d;
}

/** Every message of a contact (oldest first), following the pages; null while the contact does not exist yet. */
async function allMessages(waId: string, signal?: AbortSignal): Promise<ContactMessages | null> {
  let cursor: string | null = null;
  let out: ContactMessages | null = null;
  for (let i = 0; i < 20; i++) {
    let page: ContactMessages;
    try {
      page = await api<ContactMessages>(`/api/whatsapp/contacts/${encodeURIComponent(waId)}/messages`, { query: { limit: 500, cursor }, signal });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404 && !out) return null;
      throw err;
    }
    out = out ? { ...page, items: [...out.items, ...page.items] } : page;
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return out;
}

/** A contact's messages, polled every POLL_MS[where] while `live` (TanStack Query pauses when the tab is hidden). */
export function useContactMessages(waId: string | null, live: boolean, where: keyof typeof POLL_MS) {
  return useQuery({
    queryKey: ['whatsapp', 'messages', waId],
    queryFn: ({ signal }) => allMessages(waId!, signal),
    enabled: !!waId,
    refetchInterval: live ? POLL_MS[where] : false,
    refetchIntervalInBackground: false,
  });
}

export function useSimulatorInfo(enabled = true) {
  return useQuery({
    queryKey: ['whatsapp', 'simulator'],
    queryFn: ({ signal }) => api<SimulatorInfo>('/api/whatsapp/simulator', { signal }),
    enabled,
    retry: false,
    staleTime: 60_000,
  });
}

export interface SimulatedInput {
  phone: string;
  name?: string;
  text?: string;
  replyId?: string;
  replyTitle?: string;
  replyKind?: 'button' | 'list';
}

export function useSimulatorSend() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SimulatedInput) => api<{ wamid: string }>('/api/whatsapp/simulator/messages', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['whatsapp', 'messages'] }),
  });
}

export function useConversations(statuses: readonly ConversationStatus[], mine: boolean) {
  return useQuery({
    queryKey: ['whatsapp', 'conversations', statuses.join(','), mine],
    queryFn: ({ signal }) => api<{ items: Conversation[] }>('/api/whatsapp/conversations', { query: { status: statuses.join(','), mine: mine || undefined }, signal }),
    refetchInterval: 5_000,
  });
}

export function useConversation(id: string | null) {
  return useQuery({
    queryKey: ['whatsapp', 'conversation', id],
    queryFn: ({ signal }) => api<Conversation>(`/api/whatsapp/conversations/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: 5_000,
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ['whatsapp', 'templates'],
    queryFn: ({ signal }) => api<{ items: Template[] }>('/api/whatsapp/templates', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

function invalidateWhatsApp(queryClient: ReturnType<typeof useQueryClient>) {
  void queryClient.invalidateQueries({ queryKey: ['whatsapp'] });
}

/** Take, reply, close: the inbox's writes (replies carry an Idempotency-Key: a double click sends once). */
export function useConversationAction<B>(action: 'assign' | 'reply' | 'close') {
  const queryClient = useQueryClient();
  const key = useIdempotencyKey();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => {
      const url = `/api/whatsapp/conversations/${id}/${action}`;
      return api<Conversation | WaMessage>(url, { method: 'POST', body, ...(action === 'reply' ? { idempotencyKey: key({ url, body }) } : {}) });
    },
    onSettled: () => invalidateWhatsApp(queryClient),
  });
}

export function useFigures(from: string, to: string) {
  return useQuery({
    queryKey: ['whatsapp', 'figures', from, to],
    queryFn: ({ signal }) => api<WaFigures>('/api/whatsapp/figures', { query: { from, to }, signal }),
  });
}

export function useFlows() {
  return useQuery({
    queryKey: ['whatsapp', 'flows'],
    queryFn: ({ signal }) => api<{ items: FlowSummary[] }>('/api/whatsapp/flows', { signal }),
  });
}

export function useFlow(key: string, version: number | null) {
  return useQuery({
    queryKey: ['whatsapp', 'flow', key, version],
    queryFn: ({ signal }) => api<FlowDetail>(version ? `/api/whatsapp/flows/${key}/versions/${version}` : `/api/whatsapp/flows/${key}`, { signal }),
  });
}

export function usePublishFlow(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { definition: unknown; comment: string; baseVersion: number }) => api<FlowDetail>(`/api/whatsapp/flows/${key}`, { method: 'PUT', body }),
    onSuccess: () => invalidateWhatsApp(queryClient),
  });
}

export function useGuardianCode() {
  return useMutation({
    mutationFn: ({ patientId, guardianId }: { patientId: string; guardianId: string }) =>
      api<{ code: string; expiresAt: string }>(`/api/patients/${patientId}/guardians/${guardianId}/whatsapp-code`, { method: 'POST', body: {} }),
  });
}
