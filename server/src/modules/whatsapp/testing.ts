/**
 * Cloud API payloads as Meta documents them (reference/chatbot-supply-licences.md §1), for tests and
 * benchmarks: build a delivery, sign it, post it.
 */
import type { FastifyInstance } from 'fastify';
import { webhookDelivery } from './cloud-api.ts';
import { signatureOf } from './receive-webhook.ts';

let seq = 0;
export const newWamid = () => `wamid.TEST${Date.now().toString(36)}${(seq++).toString(36).padStart(6, '0')}`;
const unix = (at: Date) => String(Math.floor(at.getTime() / 1000));

export type MessageSpec = Record<string, unknown> & { id?: string };

export function text(from: string, body: string, opts: { id?: string; at?: Date } = {}): MessageSpec {
  return { from, id: opts.id ?? newWamid(), timestamp: unix(opts.at ?? new Date()), type: 'text', text: { body } };
}
export function buttonReply(from: string, id: string, title: string, opts: { id?: string } = {}): MessageSpec {
  return { from, id: opts.id ?? newWamid(), timestamp: unix(new Date()), type: 'interactive', interactive: { type: 'button_reply', button_reply: { id, title } } };
}
export function listReply(from: string, id: string, title: string, opts: { id?: string } = {}): MessageSpec {
  return { from, id: opts.id ?? newWamid(), timestamp: unix(new Date()), type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title, description: '' } } };
}
export function templateButton(from: string, payload: string, textValue: string, context: string): MessageSpec {
  return { context: { from: '525548363312', id: context }, from, id: newWamid(), timestamp: unix(new Date()), type: 'button', button: { text: textValue, payload } };
}
export function media(from: string, type: 'image' | 'document' | 'audio', caption?: string): MessageSpec {
  return { from, id: newWamid(), timestamp: unix(new Date()), type, [type]: { id: `media-${seq++}`, mime_type: type === 'audio' ? 'audio/ogg' : 'image/jpeg', sha256: 'abc', ...(caption ? { caption } : {}) } };
}
export function location(from: string): MessageSpec {
  return { from, id: newWamid(), timestamp: unix(new Date()), type: 'location', location: { latitude: 19.4069, longitude: -99.1556, name: 'CMN Siglo XXI', address: 'Av. Cuauhtémoc 330' } };
}
export function reaction(from: string, messageId: string, emoji: string): MessageSpec {
  return { from, id: newWamid(), timestamp: unix(new Date()), type: 'reaction', reaction: { message_id: messageId, emoji } };
}
export function unsupported(from: string): MessageSpec {
  return { from, id: newWamid(), timestamp: unix(new Date()), type: 'unknown', errors: [{ code: 131051, details: 'Message type is not currently supported', title: 'Unsupported message type' }] };
}
export function systemChange(from: string, newWaId: string): MessageSpec {
  return { from, id: newWamid(), timestamp: unix(new Date()), type: 'system', system: { body: `User ${from} changed from ${from} to ${newWaId}`, wa_id: newWaId, type: 'user_changed_number' } };
}

export function status(wamid: string, value: 'sent' | 'delivered' | 'read' | 'failed', recipient: string, opts: { at?: Date; errorCode?: number; errorTitle?: string } = {}) {
  return {
    id: wamid,
    status: value,
    timestamp: unix(opts.at ?? new Date()),
    recipient_id: recipient,
    ...(value === 'failed' ? { errors: [{ code: opts.errorCode ?? 131026, title: opts.errorTitle ?? 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'Message failed to send' } }] } : {}),
  };
}

/** A webhook delivery with these messages and statuses (contacts listed for each sender, as Meta does). */
export function delivery(opts: { messages?: MessageSpec[]; statuses?: unknown[]; names?: Record<string, string>; phoneNumberId?: string }): Record<string, unknown> {
  const senders = [...new Set((opts.messages ?? []).filter((m) => m.type !== 'system').map((m) => String(m.from)))];
  return webhookDelivery({
    displayNumber: '525548363312',
    phoneNumberId: opts.phoneNumberId ?? '100000000000001',
    contacts: senders.map((wa) => ({ name: opts.names?.[wa] ?? 'Mamá de prueba', waId: wa })),
    messages: opts.messages,
    statuses: opts.statuses,
  });
}

/** Posts a body to the webhook, signed with `secret` (or with the signature given). */
export async function post(app: FastifyInstance, secret: string, body: unknown, opts: { signature?: string | null; raw?: string } = {}) {
  const raw = Buffer.from(opts.raw ?? JSON.stringify(body), 'utf8');
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = opts.signature === undefined ? signatureOf(secret, raw) : opts.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  return app.inject({ method: 'POST', url: '/api/whatsapp/webhook', headers, payload: raw });
}
