/**
 * WhatsApp Cloud API webhook deliveries for the benchmark, shaped as Meta sends them (one entry,
 * one change of field "messages", metadata, contacts for a message, conversation and pricing for a
 * status), serialised and signed (X-Hub-Signature-256, HMAC-SHA256 of the exact bytes with the app
 * secret) before any load starts: the load loop only picks the next prepared body.
 */
import { prng } from '../../server/src/modules/demo/ids.ts';
import { webhookDelivery } from '../../server/src/modules/whatsapp/cloud-api.ts';
import { signatureOf } from '../../server/src/modules/whatsapp/receive-webhook.ts';

export const BUSINESS_NUMBER = '525548363312';
export const PHONE_NUMBER_ID = '100000000000001';
const WABA_ID = '102290129340398';

/** A prepared delivery: the exact bytes and their signature. */
export interface Delivery {
  body: Buffer;
  signature: string;
  /** The message's wamid (inbound deliveries only). */
  wamid?: string;
}

/**
 * Message ids as Meta's look: "wamid." + base64 of a binary blob holding the sender. Unique per
 * (namespace, n): each benchmark stream has its own namespace so that runs never collide.
 */
export function wamid(namespace: string, waId: string, n: number): string {
  const blob = Buffer.from(`\x15\x02\x00\x12\x18\x16${waId}:${namespace}:${n.toString(36).toUpperCase().padStart(8, '0')}`, 'latin1');
  return `wamid.HBgN${blob.toString('base64').replace(/=+$/, '')}`;
}

/** Mexican mobile wa_id as Meta sends it (521 + 10 digits) of contact number `i`. */
export function contactWaId(i: number, area = '55'): string {
  return `521${area}${String(10_000_000 + i).slice(-8)}`;
}

const GIVEN = ['María Fernanda', 'José Ángel', 'Guadalupe', 'Juan Pablo', 'Ximena', 'Luis Ángel', 'Ana Sofía', 'Jesús', 'Rocío', 'Martín', 'Itzel', 'Raúl', 'Mónica', 'Iñaki', 'Leticia'];
const SURNAMES = ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Díaz'];

/** WhatsApp profile names: what families put on their phones (accents, Ñ, an emoji now and then). */
export function profileName(i: number): string {
  const g = GIVEN[i % GIVEN.length]!;
  const s = SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]!;
  const kind = i % 7;
  if (kind === 0) return `Mamá de ${g.split(' ')[0]} 💛`;
  if (kind === 3) return g.split(' ')[0]!;
  return `${g} ${s}`;
}

/**
 * What families type to the ChatBot, weighted roughly as a real menu bot sees it: greetings,
 * menu numbers, the global words, a few free sentences (with accents, Ñ and emoji).
 */
const TEXTS: [string, number][] = [
  ['hola', 18],
  ['Hola buenas tardes', 6],
  ['Buenos días 🙏', 3],
  ['1', 12],
  ['2', 8],
  ['3', 6],
  ['4', 3],
  ['5', 3],
  ['6', 2],
  ['menu', 10],
  ['MENÚ', 3],
  ['caso', 6],
  ['Quiero reportar un caso', 3],
  ['necesito medicamento para mi niña', 2],
  ['información', 2],
  ['gracias 👍', 4],
  ['sí', 3],
  ['no', 2],
  ['¿A qué hora es la reunión del jueves?', 1],
  ['Mi hijo Íñigo está en el Hospital de Pediatría del CMN Siglo XXI y no le han dado su quimio 😢', 1],
];
const TEXT_TOTAL = TEXTS.reduce((a, [, w]) => a + w, 0);

export function pickText(r: () => number): string {
  let x = r() * TEXT_TOTAL;
  for (const [t, w] of TEXTS) {
    x -= w;
    if (x < 0) return t;
  }
  return 'hola';
}

function envelope(value: { contacts?: { name: string; waId: string }[]; messages?: unknown[]; statuses?: unknown[] }): Record<string, unknown> {
  return webhookDelivery({ displayNumber: BUSINESS_NUMBER, phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID, ...value });
}

/** A delivery with one inbound text message (what Meta posts when a family writes). */
export function textMessageBody(o: { waId: string; name: string; id: string; text: string; at: number }): Record<string, unknown> {
  return envelope({
    contacts: [{ name: o.name, waId: o.waId }],
    messages: [{ from: o.waId, id: o.id, timestamp: String(Math.floor(o.at / 1000)), text: { body: o.text }, type: 'text' }],
  });
}

/** A delivery with one status of a message we sent (sent, delivered or read). */
export function statusBody(o: { wamid: string; waId: string; status: 'sent' | 'delivered' | 'read'; at: number; conversationId: string }): Record<string, unknown> {
  const ts = Math.floor(o.at / 1000);
  return envelope({
    statuses: [
      {
        id: o.wamid,
        status: o.status,
        timestamp: String(ts),
        recipient_id: o.waId,
        ...(o.status === 'read'
          ? {}
          : {
              conversation: { id: o.conversationId, ...(o.status === 'sent' ? { expiration_timestamp: String(ts + 86_400) } : {}), origin: { type: 'service' } },
              pricing: { billable: true, pricing_model: 'CBP', category: 'service' },
            }),
      },
    ],
  });
}

export function prepare(secret: string, body: Record<string, unknown>, id?: string): Delivery {
  const buf = Buffer.from(JSON.stringify(body), 'utf8');
  return { body: buf, signature: signatureOf(secret, buf), ...(id ? { wamid: id } : {}) };
}

/** An outbound message already sent (seeded in wa_outbound) whose statuses the intake stream carries. */
export interface SentMessage {
  wamid: string;
  waId: string;
}

/**
 * The intake mix of production: for every inbound message, the three statuses (sent, delivered,
 * read) of one message we sent: 1 message : 3 statuses. Every inbound message has a new wamid.
 * `next(n)` prepares the next n deliveries (bodies and signatures) before a run.
 */
export class IntakeStream {
  private n = 0;
  private readonly r: () => number;
  constructor(
    private readonly secret: string,
    private readonly namespace: string,
    private readonly contacts: number,
    private readonly sent: readonly SentMessage[],
    seed = 4000,
  ) {
    this.r = prng(seed);
  }

  next(count: number): Delivery[] {
    const out: Delivery[] = [];
    const now = Date.now();
    while (out.length < count) {
      const k = this.n++;
      const c = Math.floor(this.r() * this.contacts);
      const waId = contactWaId(c);
      const id = wamid(this.namespace, waId, k);
      out.push(prepare(this.secret, textMessageBody({ waId, name: profileName(c), id, text: pickText(this.r), at: now }), id));
      const s = this.sent[k % this.sent.length]!;
      for (const status of ['sent', 'delivered', 'read'] as const) {
        out.push(prepare(this.secret, statusBody({ wamid: s.wamid, waId: s.waId, status, at: now, conversationId: `c${k}` })));
      }
    }
    return out.slice(0, count);
  }
}

/**
 * N inbound messages of `contacts` families, in order per family (each writes several times). With
 * `perDelivery` > 1, that many messages share one delivery, each in its own change of the entry
 * (Meta batches notifications when traffic is high); the ids are then those of its messages.
 */
export function inboundMessages(secret: string, namespace: string, count: number, contacts: number, seed: number, area = '55', perDelivery = 1): Delivery[] {
  const r = prng(seed);
  const out: Delivery[] = [];
  const start = Date.now() - count * 10;
  let batch: Record<string, unknown>[] = [];
  const flush = () => {
    if (!batch.length) return;
    const changes = batch.flatMap((b) => ((b.entry as { changes: unknown[] }[])[0]!.changes));
    out.push(prepare(secret, { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes }] }));
    batch = [];
  };
  for (let k = 0; k < count; k++) {
    const c = Math.floor(r() * contacts);
    const waId = contactWaId(c, area);
    const id = wamid(namespace, waId, k);
    const body = textMessageBody({ waId, name: profileName(c), id, text: pickText(r), at: start + k * 10 });
    if (perDelivery <= 1) out.push(prepare(secret, body, id));
    else {
      batch.push(body);
      if (batch.length === perDelivery) flush();
    }
  }
  flush();
  return out;
}
