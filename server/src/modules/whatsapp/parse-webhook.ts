/**
 * Reads a Cloud API webhook body (already verified and JSON-parsed) into the rows we store: one per
 * inbound message and one per status. Pure and tolerant: an unknown message type is kept as
 * such, a change of another field is ignored, nothing here throws on odd but valid JSON.
 * Shapes: reference/chatbot-supply-licences.md §1.1–§1.3 (Meta's webhook payload examples).
 */
import { canonicalPhone } from './phone.ts';

export interface InboundRow {
  wamid: string;
  phoneNumberId: string | null;
  waId: string;
  contactPhone: string;
  profileName: string | null;
  type: string;
  text: string | null;
  replyId: string | null;
  mediaId: string | null;
  sentAt: string;
  payload: unknown;
}

export interface StatusRow {
  wamid: string;
  /** Our wa_outbound id, echoed by Meta from biz_opaque_callback_data (when it is one of ours). */
  outboundId: string | null;
  status: string;
  recipientId: string | null;
  occurredAt: string;
  errorCode: number | null;
  errorTitle: string | null;
  payload: unknown;
}

export interface ParsedWebhook {
  /** False when `object` is not a WhatsApp Business Account: acknowledged and ignored. */
  recognised: boolean;
  messages: InboundRow[];
  statuses: StatusRow[];
  /** Changes and items that were not messages or statuses (kept in counts for the logs). */
  ignored: number;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : typeof v === 'number' ? String(v) : null);
const STATUSES = new Set(['sent', 'delivered', 'read', 'failed', 'deleted']);
const MAX_TEXT = 4096 * 4;

/** Unix seconds (a string in Meta's payloads) to ISO; a missing or absurd value becomes `now`. */
function isoFromUnix(v: unknown, now: Date): string {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 1_000_000_000 || n > 10_000_000_000) return now.toISOString();
  return new Date(n * 1000).toISOString();
}

function messageContent(m: Json): { text: string | null; replyId: string | null; mediaId: string | null } {
  const type = str(m.type) ?? 'unknown';
  const part = obj(m[type]);
  switch (type) {
    case 'text':
      return { text: str(obj(m.text)?.body), replyId: null, mediaId: null };
    case 'interactive': {
      const i = obj(m.interactive);
      const reply = obj(i?.button_reply) ?? obj(i?.list_reply);
      if (reply) return { text: str(reply.title), replyId: str(reply.id), mediaId: null };
      const nfm = obj(i?.nfm_reply);
      return { text: str(nfm?.body) ?? str(nfm?.response_json), replyId: null, mediaId: null };
    }
    case 'button': {
      const b = obj(m.button);
      return { text: str(b?.text), replyId: str(b?.payload), mediaId: null };
    }
    case 'image':
    case 'video':
    case 'document':
    case 'audio':
    case 'voice':
    case 'sticker':
      return { text: str(part?.caption) ?? str(part?.filename), replyId: null, mediaId: str(part?.id) };
    case 'location': {
      const l = obj(m.location);
      const name = [str(l?.name), str(l?.address)].filter(Boolean).join(', ');
      return { text: name || (l ? `${String(l.latitude)},${String(l.longitude)}` : null), replyId: null, mediaId: null };
    }
    case 'reaction':
      return { text: str(obj(m.reaction)?.emoji), replyId: str(obj(m.reaction)?.message_id), mediaId: null };
    case 'system':
      return { text: str(obj(m.system)?.body), replyId: null, mediaId: null };
    case 'contacts':
      return { text: arr(m.contacts).map((c) => str(obj(obj(c)?.name)?.formatted_name)).filter(Boolean).join(', ') || null, replyId: null, mediaId: null };
    default:
      return { text: null, replyId: null, mediaId: null };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseWebhook(body: unknown, now: Date): ParsedWebhook {
  const root = obj(body);
  const out: ParsedWebhook = { recognised: root?.object === 'whatsapp_business_account', messages: [], statuses: [], ignored: 0 };
  if (!out.recognised) return out;
  for (const entry of arr(root!.entry)) {
    for (const change of arr(obj(entry)?.changes)) {
      const c = obj(change);
      const value = obj(c?.value);
      if (!value || (c?.field !== undefined && c.field !== 'messages')) {
        out.ignored++;
        continue;
      }
      const phoneNumberId = str(obj(value.metadata)?.phone_number_id);
      const names = new Map<string, string>();
      for (const contact of arr(value.contacts)) {
        const ct = obj(contact);
        const waId = str(ct?.wa_id);
        const name = str(obj(ct?.profile)?.name);
        if (waId && name) names.set(waId, name);
      }
      for (const message of arr(value.messages)) {
        const m = obj(message);
        const wamid = str(m?.id);
        const from = str(m?.from);
        if (!m || !wamid || !from || !/^\d{6,20}$/.test(from)) {
          out.ignored++;
          continue;
        }
        const content = messageContent(m);
        out.messages.push({
          wamid: wamid.slice(0, 200),
          phoneNumberId,
          waId: from,
          contactPhone: canonicalPhone(from),
          profileName: names.get(from)?.slice(0, 200) ?? null,
          type: (str(m.type) ?? 'unknown').slice(0, 40),
          text: content.text ? content.text.slice(0, MAX_TEXT) : null,
          replyId: content.replyId ? content.replyId.slice(0, 256) : null,
          mediaId: content.mediaId ? content.mediaId.slice(0, 200) : null,
          sentAt: isoFromUnix(m.timestamp, now),
          payload: m,
        });
      }
      for (const status of arr(value.statuses)) {
        const st = obj(status);
        const wamid = str(st?.id);
        const s = str(st?.status);
        if (!st || !wamid || !s || !STATUSES.has(s)) {
          out.ignored++;
          continue;
        }
        const error = obj(arr(st.errors)[0]);
        const code = Number(error?.code);
        const callback = str(st.biz_opaque_callback_data);
        out.statuses.push({
          wamid: wamid.slice(0, 200),
          outboundId: callback && UUID.test(callback) ? callback.toLowerCase() : null,
          status: s,
          recipientId: str(st.recipient_id)?.slice(0, 20) ?? null,
          occurredAt: isoFromUnix(st.timestamp, now),
          errorCode: Number.isInteger(code) ? code : null,
          errorTitle: (str(error?.title) ?? str(error?.message))?.slice(0, 500) ?? null,
          payload: st,
        });
      }
    }
  }
  return out;
}
