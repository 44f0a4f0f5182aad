/**
 * The WhatsApp Business Cloud API as we use it: message bodies for what the bot and staff send,
 * and the POST /{version}/{phone-number-id}/messages call. Limits from Meta's docs (text 4 096,
 * ≤ 3 reply buttons of ≤ 20 chars, list rows ≤ 10 of ≤ 24 chars, descriptions ≤ 72).
 */
import { createHash } from 'node:crypto';
import type { WhatsAppConfig } from '../../platform/config.ts';
import type { Outgoing } from './flow/types.ts';

export interface OutboundBody {
  kind: 'text' | 'interactive' | 'template';
  /** What staff read in histories. */
  text: string;
  /** The Cloud API message object without `to` (added when sending). */
  payload: Record<string, unknown>;
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function textBody(text: string): OutboundBody {
  const body = cut(text, 4096);
  return { kind: 'text', text: body, payload: { type: 'text', text: { preview_url: false, body } } };
}

export function outgoingBody(o: Outgoing): OutboundBody {
  if (o.kind === 'text') return textBody(o.text);
  const body = cut(o.text, 1024);
  if (o.kind === 'buttons') {
    const buttons = o.buttons.slice(0, 3).map((b) => ({ type: 'reply', reply: { id: cut(b.id, 256), title: cut(b.title, 20) } }));
    return {
      kind: 'interactive',
      text: body,
      payload: { type: 'interactive', interactive: { type: 'button', body: { text: body }, action: { buttons } } },
    };
  }
  let left = 10;
  const sections = o.sections
    .map((s) => {
      const rows = s.rows.slice(0, Math.max(0, left)).map((r) => ({ id: cut(r.id, 200), title: cut(r.title, 24), ...(r.description ? { description: cut(r.description, 72) } : {}) }));
      left -= rows.length;
      return { title: cut(s.title, 24), rows };
    })
    .filter((s) => s.rows.length > 0);
  return {
    kind: 'interactive',
    text: body,
    payload: { type: 'interactive', interactive: { type: 'list', body: { text: body }, action: { button: cut(o.button, 20), sections } } },
  };
}

export interface TemplateDef {
  name: string;
  language: 'es_MX';
  category: 'UTILITY';
  /** The approved body, with {{1}}… placeholders, as registered with Meta. */
  body: string;
  params: number;
}

/** Templates registered with Meta for use outside the 24-hour window (UTILITY, es_MX). */
export const TEMPLATES: TemplateDef[] = [
  { name: 'seguimiento_conversacion', language: 'es_MX', category: 'UTILITY', body: 'Hola {{1}}, te escribimos del IMSS sobre tu conversación con nosotros. Responde a este mensaje para continuar.', params: 1 },
  { name: 'caso_actualizado', language: 'es_MX', category: 'UTILITY', body: 'Hola {{1}}, tu caso específico CE {{2}} tiene una actualización: {{3}}. Responde MENU para ver tus opciones.', params: 3 },
  { name: 'medicamento_disponible', language: 'es_MX', category: 'UTILITY', body: 'Hola {{1}}, el medicamento o insumo de tu solicitud {{2}} ya está disponible en {{3}}.', params: 3 },
];

export function templateBody(t: TemplateDef, params: string[]): OutboundBody {
  const text = t.body.replace(/\{\{(\d+)\}\}/g, (_m, n: string) => params[Number(n) - 1] ?? '');
  return {
    kind: 'template',
    text,
    payload: {
      type: 'template',
      template: {
        name: t.name,
        language: { policy: 'deterministic', code: t.language },
        components: params.length ? [{ type: 'body', parameters: params.map((p) => ({ type: 'text', text: cut(p, 1000) })) }] : [],
      },
    },
  };
}

export type SendResult =
  | { ok: true; wamid: string }
  | { ok: false; retry: boolean; code: number | null; title: string; retryAfterSeconds?: number };

/** Error codes worth another attempt: throttling and temporary unavailability. */
const RETRYABLE_CODES = new Set([4, 80007, 130429, 131016, 131048, 131056, 133004]);

export async function postMessage(cfg: WhatsAppConfig, toWaId: string, outboundId: string, payload: Record<string, unknown>): Promise<SendResult> {
  const url = `${cfg.apiBase}/${cfg.apiVersion}/${cfg.phoneNumberId}/messages`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.accessToken ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: toWaId, biz_opaque_callback_data: outboundId, ...payload }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (err) {
    return { ok: false, retry: true, code: null, title: `Sin respuesta de la API de WhatsApp: ${(err as Error).message}`.slice(0, 300) };
  }
  let json: Record<string, unknown> = {};
  try {
    json = (await res.json()) as Record<string, unknown>;
  } catch {
    /* an empty or non-JSON answer is handled by the status below */
  }
  const wamid = ((json.messages as { id?: unknown }[] | undefined)?.[0]?.id ?? null) as string | null;
  if (res.ok && typeof wamid === 'string') return { ok: true, wamid };
  const error = (json.error ?? {}) as { code?: unknown; message?: unknown; error_data?: { details?: unknown } };
  const code = typeof error.code === 'number' ? error.code : null;
  const title = String(error.error_data?.details ?? error.message ?? `HTTP ${res.status}`).slice(0, 500);
  const retryAfter = Number(res.headers.get('retry-after'));
  const retry = res.status === 429 || res.status >= 500 || (code !== null && RETRYABLE_CODES.has(code));
  return { ok: false, retry, code, title, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

/** Largest inbound file kept (Meta's limit for documents is 100 MB; what families send are photos, PDFs and voice notes). */
export const MEDIA_MAX_BYTES = 16 * 1024 * 1024;

export type MediaResult =
  | { ok: true; mimeType: string; sha256: string; content: Buffer }
  | { ok: false; retry: boolean; title: string };

/**
 * Downloads an inbound file: GET /{version}/{media-id} gives a short-lived URL, its MIME type, size
 * and SHA-256; the URL is then fetched with the same bearer token. The bytes are checked against
 * the announced hash.
 */
export async function downloadMedia(cfg: WhatsAppConfig, mediaId: string): Promise<MediaResult> {
  const auth = { authorization: `Bearer ${cfg.accessToken ?? ''}` };
  const failure = (status: number, title: string): MediaResult => ({ ok: false, retry: status === 0 || status === 429 || status >= 500, title: title.slice(0, 300) });
  let meta: Record<string, unknown>;
  try {
    const res = await fetch(`${cfg.apiBase}/${cfg.apiVersion}/${encodeURIComponent(mediaId)}`, { headers: auth, signal: AbortSignal.timeout(15_000) });
    meta = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok) {
      const error = (meta.error ?? {}) as { message?: unknown };
      return failure(res.status, `No se obtuvo el archivo ${mediaId}: ${String(error.message ?? `HTTP ${res.status}`)}`);
    }
  } catch (err) {
    return failure(0, `Sin respuesta de la API de WhatsApp: ${(err as Error).message}`);
  }
  const url = typeof meta.url === 'string' ? meta.url : null;
  const size = Number(meta.file_size);
  if (!url) return failure(400, 'La API de WhatsApp no dio la dirección del archivo');
  if (Number.isFinite(size) && size > MEDIA_MAX_BYTES) return failure(400, `El archivo pesa ${size} bytes; el máximo que se guarda es ${MEDIA_MAX_BYTES}`);
  let content: Buffer;
  try {
    const res = await fetch(url, { headers: auth, signal: AbortSignal.timeout(60_000) });
    if (!res.ok) return failure(res.status, `La descarga del archivo respondió HTTP ${res.status}`);
    content = Buffer.from(await res.arrayBuffer());
  } catch (err) {
    return failure(0, `La descarga del archivo no terminó: ${(err as Error).message}`);
  }
  if (content.length > MEDIA_MAX_BYTES) return failure(400, `El archivo pesa ${content.length} bytes; el máximo que se guarda es ${MEDIA_MAX_BYTES}`);
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (typeof meta.sha256 === 'string' && meta.sha256.toLowerCase() !== sha256) return failure(500, 'El archivo descargado no corresponde a su SHA-256');
  return { ok: true, mimeType: typeof meta.mime_type === 'string' ? meta.mime_type : 'application/octet-stream', sha256, content };
}

/**
 * A webhook delivery as Meta posts it: one entry of the business account with one change of field
 * "messages" (metadata, the senders' profiles, messages and/or statuses). The simulator, the tests
 * and the benchmark build what they post with it.
 */
export function webhookDelivery(o: {
  displayNumber: string;
  phoneNumberId: string;
  wabaId?: string;
  contacts?: { name: string; waId: string }[];
  messages?: unknown[];
  statuses?: unknown[];
}): Record<string, unknown> {
  const value = {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: o.displayNumber, phone_number_id: o.phoneNumberId },
    ...(o.contacts?.length ? { contacts: o.contacts.map((c) => ({ profile: { name: c.name }, wa_id: c.waId })) } : {}),
    ...(o.messages?.length ? { messages: o.messages } : {}),
    ...(o.statuses?.length ? { statuses: o.statuses } : {}),
  };
  return { object: 'whatsapp_business_account', entry: [{ id: o.wabaId ?? '100000000000000', changes: [{ field: 'messages', value }] }] };
}
