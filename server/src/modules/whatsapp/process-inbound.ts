/**
 * Processing of stored inbound messages, off the request path: per contact, in arrival order,
 * exactly once. One transaction per batch of a contact's messages holds the contact's advisory
 * lock, runs the flow, writes what the flow caused (cases, requests, replies in the outbox, the
 * run's new state) and marks the messages processed, so a crash anywhere repeats nothing and loses
 * nothing: either all of it committed or the messages are still pending.
 */
import { makeContext, type RequestContext } from '../../platform/access/context.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import type { Services } from '../../platform/services.ts';
import { childSummaries } from '../patients/guardian-links.ts';
import { outgoingBody, textBody, type OutboundBody } from './cloud-api.ts';
import { makeEffects, type EffectEnv } from './effects.ts';
import { runFlow } from './flow/run-flow.ts';
import type { FlowInput, Outgoing, RunState } from './flow/types.ts';
import type { FlowStore } from './flow-store.ts';
import * as repo from './repo.ts';

export const MAIN_FLOW = 'main';
const WINDOW_MS = 24 * 3600_000;

/** Words that work everywhere, whatever the flow says (compliance and a way out). */
const OPT_OUT = new Set(['BAJA', 'STOP', 'ALTO', 'CANCELAR SUSCRIPCION', 'DARME DE BAJA', 'UNSUBSCRIBE']);
const OPT_IN = new Set(['ALTA', 'START', 'INICIAR', 'SUSCRIBIR']);
const RESTART = new Set(['MENU', 'MENÚ', 'INICIO', 'MENU PRINCIPAL', 'REGRESAR', 'VOLVER']);

export const normalizeWord = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();

/** Types the bot can read (others get a short explanation, never silence). */
const READABLE = new Set(['text', 'interactive', 'button', 'image', 'document', 'audio', 'voice', 'video', 'location', 'contacts']);

export const COPY = {
  optedOut: 'Listo, ya no te enviaremos mensajes por este medio. Si quieres volver a usar el ChatBot, escribe ALTA.',
  optedIn: '¡Qué gusto tenerte de vuelta! Ya puedes usar el ChatBot otra vez.',
  unsupported: 'Por ahora solo puedo leer texto, botones y listas. Escribe tu mensaje o MENU para ver las opciones.',
  error: 'Tuvimos un problema al procesar tu mensaje. Ya lo estamos revisando; por favor intenta de nuevo en unos minutos o escribe MENU.',
  handedBack: 'Gracias por platicar con nuestro equipo. Si necesitas algo más, escribe MENU para ver las opciones.',
};

/** The context of the ChatBot's own writes (audit origin: the message, no user). */
export function botContext(s: Services, wamid: string): RequestContext {
  return makeContext({ requestId: `whatsapp:${wamid}`.slice(0, 64), ip: 'whatsapp', userAgent: 'WhatsApp Cloud API', actor: null }, (row) => s.audit.record(row));
}

interface Batch {
  contact: repo.ContactRow;
  run: RunState | null;
  outbound: repo.NewOutbound[];
}

function queue(batch: Batch, inboundId: number | null, bodies: OutboundBody[], source: 'BOT' | 'SYSTEM' = 'BOT') {
  let seq = batch.outbound.filter((o) => o.inboundId === inboundId).length;
  for (const b of bodies) {
    batch.outbound.push({
      contactId: batch.contact.id,
      toWaId: batch.contact.waId,
      inboundId,
      seq: seq++,
      source,
      authorId: null,
      conversationId: null,
      kind: b.kind,
      text: b.text,
      payload: b.payload,
    });
  }
}

async function stepFlow(s: Services, tx: Tx, flows: FlowStore, batch: Batch, input: FlowInput, env: EffectEnv): Promise<Outgoing[]> {
  const current = batch.run && batch.run.status === 'WAITING' ? await flows.version(tx, batch.run.flowKey, batch.run.flowVersion) : undefined;
  const flow = current ?? (await flows.latest(tx, MAIN_FLOW));
  if (!flow) throw new Error('no WhatsApp flow installed');
  const result = await runFlow({
    flow: flow.definition,
    run: current ? batch.run : null,
    input,
    now: env.now,
    contact: {
      name: batch.contact.profileName,
      verified: env.children.length > 0,
      children: env.children.map((c) => ({ patientId: c.patientId, firstName: c.firstName, unitId: c.unitId, unitName: c.unitName })),
      fields: batch.contact.fields,
    },
    effects: makeEffects(env),
  });
  batch.run = result.run ? { ...result.run, flowKey: flow.key, flowVersion: flow.version } : null;
  if (Object.keys(result.fields).length) {
    batch.contact.fields = { ...batch.contact.fields, ...result.fields };
    await repo.updateContact(tx, batch.contact.id, { fields: result.fields });
  }
  return result.outgoing;
}

async function openHandover(tx: Tx, batch: Batch, env: EffectEnv, now: Date): Promise<void> {
  const f = batch.contact.fields;
  const recent = f.lastCaseAt && now.getTime() - new Date(f.lastCaseAt).getTime() < WINDOW_MS;
  await repo.openConversation(tx, {
    contactId: batch.contact.id,
    topic: env.handover!.topic,
    note: env.handover!.note,
    caseId: recent ? (f.lastCaseId ?? null) : null,
    supplyRequestId: recent ? (f.lastSupplyRequestId ?? null) : null,
  });
  await repo.updateContact(tx, batch.contact.id, { mode: 'HUMAN' });
  batch.contact.mode = 'HUMAN';
  batch.run = null;
}

/** Handles one message inside the batch; returns its outcome. */
async function handleMessage(s: Services, tx: Tx, flows: FlowStore, batch: Batch, m: repo.PendingMessage, children: { list: EffectEnv['children'] }): Promise<string> {
  const now = s.now();
  const text = (m.text ?? '').trim();
  const word = normalizeWord(text);
  if (m.type === 'system' || m.type === 'reaction' || m.type === 'ephemeral' || m.type === 'request_welcome') return 'IGNORED';
  if (OPT_OUT.has(word)) {
    if (batch.contact.optedOutAt) return 'OPTED_OUT_AGAIN';
    await repo.updateContact(tx, batch.contact.id, { optedOut: true });
    batch.contact.optedOutAt = now.toISOString();
    batch.run = null;
    queue(batch, m.id, [textBody(COPY.optedOut)], 'SYSTEM');
    return 'OPTED_OUT';
  }
  let restart = RESTART.has(word);
  if (batch.contact.optedOutAt) {
    if (!OPT_IN.has(word)) return 'SILENT_OPTED_OUT';
    await repo.updateContact(tx, batch.contact.id, { optedOut: false });
    batch.contact.optedOutAt = null;
    queue(batch, m.id, [textBody(COPY.optedIn)], 'SYSTEM');
    restart = true;
  }
  if (batch.contact.mode === 'HUMAN') return 'HUMAN';
  if (!READABLE.has(m.type)) {
    queue(batch, m.id, [textBody(COPY.unsupported)], 'SYSTEM');
    return 'UNSUPPORTED';
  }
  if (restart) batch.run = null;
  const env: EffectEnv = {
    tx,
    ctx: botContext(s, m.wamid),
    now,
    receivedAt: new Date(Math.min(new Date(m.sentAt).getTime(), now.getTime())),
    contact: batch.contact,
    children: children.list,
  };
  const input: FlowInput = { kind: 'message', text, replyId: m.replyId ?? undefined, messageType: m.type };
  const outgoing = await stepFlow(s, tx, flows, batch, input, env);
  children.list = env.children;
  queue(batch, m.id, outgoing.map(outgoingBody));
  if (env.handover) {
    await openHandover(tx, batch, env, now);
    return 'HANDOVER';
  }
  return 'REPLIED';
}

/**
 * Processes up to `limit` pending messages of one contact in one transaction. Returns how many it
 * processed (0 when another worker holds the contact or nothing is pending).
 */
export async function processContact(s: Services, flows: FlowStore, phone: string, limit = 50): Promise<number> {
  return s.db.transaction(async (tx) => {
    await repo.lockContact(tx, phone);
    const messages = await repo.pendingMessages(tx, phone, limit);
    if (!messages.length) return 0;
    const last = messages[messages.length - 1]!;
    const named = [...messages].reverse().find((m) => m.profileName);
    const contact = await repo.upsertContact(tx, {
      phone,
      waId: last.waId,
      profileName: named?.profileName ?? null,
      lastInboundAt: messages.reduce((a, m) => (m.sentAt > a ? m.sentAt : a), messages[0]!.sentAt),
    });
    const stored = await repo.findRun(tx, contact.id);
    const batch: Batch = { contact, run: (stored?.state as RunState | undefined) ?? null, outbound: [] };
    const children = { list: await childSummaries(tx, await repo.contactChildIds(tx, contact.id)) };
    const outcomes: { id: number; outcome: string }[] = [];
    for (const m of messages) outcomes.push({ id: m.id, outcome: await handleMessage(s, tx, flows, batch, m, children) });
    await repo.insertOutbound(tx, batch.outbound);
    await repo.saveRun(tx, contact.id, batch.run, batch.run);
    await repo.markProcessed(tx, outcomes);
    return messages.length;
  });
}

/**
 * A message whose processing keeps failing is marked ERROR (with an apology to the family) so it
 * cannot block the messages behind it; the error is logged for the team.
 */
export async function markFailedMessage(s: Services, phone: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    await repo.lockContact(tx, phone);
    const [m] = await repo.pendingMessages(tx, phone, 1);
    if (!m) return;
    const contact = await repo.upsertContact(tx, { phone, waId: m.waId, profileName: m.profileName, lastInboundAt: m.sentAt });
    const batch: Batch = { contact, run: null, outbound: [] };
    queue(batch, m.id, [textBody(COPY.error)], 'SYSTEM');
    await repo.insertOutbound(tx, batch.outbound);
    await repo.saveRun(tx, contact.id, null, null);
    await repo.markProcessed(tx, [{ id: m.id, outcome: 'ERROR' }]);
  });
}

/** A wait's timeout fired: the flow's timeout branch runs (a reminder only inside the 24-hour window). */
export async function processTimeout(s: Services, flows: FlowStore, contactId: string, phone: string): Promise<void> {
  await s.db.transaction(async (tx) => {
    await repo.lockContact(tx, phone);
    const now = s.now();
    const stored = await repo.findRun(tx, contactId);
    const run = stored?.state as RunState | undefined;
    if (!run || run.status !== 'WAITING' || !run.waitExpiresAt || new Date(run.waitExpiresAt) > now) return;
    const contact = (await repo.findContact(tx, { id: contactId }))!;
    const batch: Batch = { contact, run, outbound: [] };
    if (contact.mode === 'HUMAN' || contact.optedOutAt) {
      await repo.saveRun(tx, contactId, null, null);
      return;
    }
    const env: EffectEnv = {
      tx,
      ctx: botContext(s, `timeout:${contactId}`),
      now,
      receivedAt: now,
      contact,
      children: await childSummaries(tx, await repo.contactChildIds(tx, contactId)),
    };
    const outgoing = await stepFlow(s, tx, flows, batch, { kind: 'timeout' }, env);
    const windowOpen = !!contact.lastInboundAt && now.getTime() - new Date(contact.lastInboundAt).getTime() < WINDOW_MS;
    if (windowOpen) queue(batch, null, outgoing.map(outgoingBody));
    await repo.insertOutbound(tx, batch.outbound);
    const next = batch.run && batch.run.waitExpiresAt === run.waitExpiresAt ? { ...batch.run, waitExpiresAt: null } : batch.run;
    await repo.saveRun(tx, contactId, next, next);
  });
}
