import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type TestApp } from '../../testing/harness.ts';
import { canonicalPhone, mexicanWaId } from './phone.ts';
import * as wa from './testing.ts';
import { workerFor } from './worker.ts';

let t: TestApp;
let secret: string;
const q = <R>(query: ReturnType<typeof sql>) => rowsOf<R>(t.services.db.orm, query);

beforeAll(async () => {
  t = await createTestApp();
  secret = t.services.config.whatsapp.appSecret;
}, 120_000);
afterAll(async () => t?.close());

describe('phone numbers', () => {
  it('keeps one key per Mexican mobile whether Meta sends 521… or staff type 52… or 10 digits', () => {
    expect(canonicalPhone('5215512345678')).toBe('525512345678');
    expect(canonicalPhone('525512345678')).toBe('525512345678');
    expect(canonicalPhone('55 1234 5678')).toBe('525512345678');
    expect(canonicalPhone('+52 1 55 1234 5678')).toBe('525512345678');
    expect(canonicalPhone('14155550123')).toBe('14155550123');
    expect(mexicanWaId('5512345678')).toBe('5215512345678');
  });
});

describe('GET /api/whatsapp/webhook (verification handshake)', () => {
  it('answers the challenge only to the configured verify token', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=oncoped-demo-verify&hub.challenge=1158201444' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const bad = await t.app.inject({ method: 'GET', url: '/api/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=otro&hub.challenge=1' });
    expect(bad.statusCode).toBe(403);
    const noMode = await t.app.inject({ method: 'GET', url: '/api/whatsapp/webhook?hub.verify_token=oncoped-demo-verify&hub.challenge=1' });
    expect(noMode.statusCode).toBe(403);
  });
});

describe('POST /api/whatsapp/webhook', () => {
  it('checks X-Hub-Signature-256 over the raw bytes (accents, Ñ, emoji) and refuses a wrong or missing one with 401, audited, storing nothing', async () => {
    const from = '5215511110001';
    const body = wa.delivery({ messages: [wa.text(from, 'Niño con fiebre: ¿qué hago? Ñandú 😀 — «urgente»')], names: { [from]: 'Peña Muñoz 👩' } });
    // Meta signs an escaped-unicode serialisation; any serialisation works as long as the raw bytes are what is signed.
    const escaped = JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const okEscaped = await wa.post(t.app, secret, null, { raw: escaped });
    expect(okEscaped.statusCode).toBe(200);
    expect(okEscaped.json()).toEqual({ received: 1, duplicates: 0, statuses: 0 });
    const [stored] = await q<{ text: string; profile_name: string; contact_phone: string; wa_id: string }>(sql`SELECT text, profile_name, contact_phone, wa_id FROM wa_inbound WHERE wa_id = ${from}`);
    expect(stored).toEqual({ text: 'Niño con fiebre: ¿qué hago? Ñandú 😀 — «urgente»', profile_name: 'Peña Muñoz 👩', contact_phone: '525511110001', wa_id: from });

    const other = wa.delivery({ messages: [wa.text('5215511110002', 'hola')] });
    const wrong = await wa.post(t.app, secret, other, { signature: `sha256=${'0'.repeat(64)}` });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'SIGNATURE_INVALID', errors: [{ field: 'X-Hub-Signature-256' }] });
    const otherSecret = await wa.post(t.app, 'not-the-app-secret-at-all', other);
    expect(otherSecret.statusCode).toBe(401);
    const missing = await wa.post(t.app, secret, other, { signature: null });
    expect(missing.statusCode).toBe(401);
    // Re-serialising the parsed body (the classic bug) does not match what was signed.
    const reserialised = await wa.post(t.app, secret, body, { signature: (await import('./receive-webhook.ts')).signatureOf(secret, escaped), raw: JSON.stringify(body) });
    expect(reserialised.statusCode).toBe(401);
    expect(await q(sql`SELECT 1 FROM wa_inbound WHERE wa_id = '5215511110002'`)).toHaveLength(0);
    await t.services.audit.drain();
    const denied = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'whatsapp_webhook' AND outcome = 'DENIED'`);
    expect(denied[0]!.n).toBeGreaterThanOrEqual(4);
  });

  it('answers 400 naming the body when it is not JSON, and 200 (ignored) for another object type', async () => {
    const notJson = await wa.post(t.app, secret, null, { raw: '{"object": "whatsapp_business_account", "entry": [' });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'BODY_NOT_JSON', errors: [{ field: 'body' }] });
    const page = await wa.post(t.app, secret, { object: 'page', entry: [{ id: '1', messaging: [] }] });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ received: 0, duplicates: 0, statuses: 0 });
    const weird = await wa.post(t.app, secret, { object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'account_update', value: { x: 1 } }, { value: 'no' }] }, null, 7] });
    expect(weird.statusCode).toBe(200);
  });

  it('recognises the same message delivered five times, out of order and in one batch, and stores it once', async () => {
    const from = '5215511110003';
    const first = wa.text(from, 'primero');
    const second = wa.text(from, 'segundo');
    const deliveries = [[second], [first, first], [second, first], [first], [second]];
    const results = await Promise.all(deliveries.map((messages) => wa.post(t.app, secret, wa.delivery({ messages }))));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const received = results.reduce((a, r) => a + (r.json() as { received: number }).received, 0);
    expect(received).toBe(2);
    const rows = await q<{ wamid: string }>(sql`SELECT wamid FROM wa_inbound WHERE wa_id = ${from}`);
    expect(rows.map((r) => r.wamid).sort()).toEqual([first.id, second.id].sort());
  });

  it('keeps every message type without crashing: buttons, list rows, template buttons, media ids, location, reaction, system, unsupported, 4 096 characters', async () => {
    const from = '5215511110004';
    const long = 'Ñ'.repeat(4096);
    const messages = [
      wa.buttonReply(from, 'menu_caso', 'Reportar caso'),
      wa.listReply(from, 'MISSING_MEDICATION', 'Medicamento faltante'),
      wa.templateButton(from, 'CONFIRMAR', 'Sí', 'wamid.template'),
      wa.media(from, 'image', 'receta 📄'),
      wa.media(from, 'document'),
      wa.media(from, 'audio'),
      wa.location(from),
      wa.reaction(from, 'wamid.x', '🙏'),
      wa.systemChange(from, '5215599990000'),
      wa.unsupported(from),
      wa.text(from, long),
    ];
    const res = await wa.post(t.app, secret, wa.delivery({ messages }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ received: messages.length });
    const rows = await q<{ type: string; text: string | null; reply_id: string | null; media_id: string | null }>(
      sql`SELECT type, text, reply_id, media_id FROM wa_inbound WHERE wa_id = ${from} ORDER BY id`,
    );
    expect(rows.map((r) => r.type)).toEqual(['interactive', 'interactive', 'button', 'image', 'document', 'audio', 'location', 'reaction', 'system', 'unknown', 'text']);
    expect(rows[0]).toMatchObject({ text: 'Reportar caso', reply_id: 'menu_caso' });
    expect(rows[1]).toMatchObject({ reply_id: 'MISSING_MEDICATION' });
    expect(rows[2]).toMatchObject({ text: 'Sí', reply_id: 'CONFIRMAR' });
    expect(rows[3]).toMatchObject({ text: 'receta 📄' });
    expect(rows[3]!.media_id).toMatch(/^media-/);
    expect(rows[6]!.text).toContain('CMN Siglo XXI');
    expect(rows[10]!.text).toHaveLength(4096);
  });

  it('applies delivery statuses in order of meaning: a late "delivered" never overwrites "read", failures keep their code, unknown ids are kept aside', async () => {
    const to = '5215511110005';
    // A message we sent: queue one directly in the outbox and give it a wamid.
    const contact = await q<{ id: string }>(sql`INSERT INTO wa_contacts (phone, wa_id) VALUES ('525511110005', ${to}) RETURNING id`);
    const sent = await q<{ id: string }>(
      sql`INSERT INTO wa_outbound (contact_id, to_wa_id, source, kind, text, payload, status, status_rank, wamid)
          VALUES (${contact[0]!.id}, ${to}, 'BOT', 'text', 'hola', '{}'::jsonb, 'SENT', 1, 'wamid.OUT1'), (${contact[0]!.id}, ${to}, 'BOT', 'text', 'adiós', '{}'::jsonb, 'SENT', 1, 'wamid.OUT2') RETURNING id`,
    );
    expect(sent).toHaveLength(2);
    const r1 = await wa.post(t.app, secret, wa.delivery({ statuses: [wa.status('wamid.OUT1', 'read', to)] }));
    const r2 = await wa.post(t.app, secret, wa.delivery({ statuses: [wa.status('wamid.OUT1', 'delivered', to), wa.status('wamid.OUT1', 'sent', to)] }));
    const r3 = await wa.post(t.app, secret, wa.delivery({ statuses: [wa.status('wamid.OUT2', 'failed', to, { errorCode: 131047, errorTitle: 'Re-engagement message' }), wa.status('wamid.NEVER', 'delivered', to)] }));
    expect([r1.statusCode, r2.statusCode, r3.statusCode]).toEqual([200, 200, 200]);
    // The webhook stored them; the worker applies them to the outbox (here: now).
    await workerFor(t.services).drain();
    const rows = await q<{ wamid: string; status: string; error_code: number | null; error_title: string | null; read: boolean; delivered: boolean }>(
      sql`SELECT wamid, status, error_code, error_title, read_at IS NOT NULL AS read, delivered_at IS NOT NULL AS delivered FROM wa_outbound WHERE contact_id = ${contact[0]!.id} ORDER BY wamid`,
    );
    expect(rows).toEqual([
      { wamid: 'wamid.OUT1', status: 'READ', error_code: null, error_title: null, read: true, delivered: true },
      { wamid: 'wamid.OUT2', status: 'FAILED', error_code: 131047, error_title: 'Re-engagement message', read: false, delivered: false },
    ]);
    const events = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM wa_status_events WHERE wamid = 'wamid.NEVER'`);
    expect(events[0]!.n).toBe(1);
  });

  it('is public for Meta but every other WhatsApp endpoint needs the inbox permission', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/whatsapp/conversations' });
    expect(anon.statusCode).toBe(401);
    const medico = await login(t.app, 'medico');
    const denied = await t.app.inject({ method: 'GET', url: '/api/whatsapp/conversations', headers: authHeaders(medico) });
    expect(denied.statusCode).toBe(403);
    const tutor = await login(t.app, 'tutor');
    expect((await t.app.inject({ method: 'GET', url: '/api/whatsapp/contacts/5215511110001/messages', headers: authHeaders(tutor) })).statusCode).toBe(403);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/whatsapp/webhook', '/api/whatsapp/contacts/{waId}/messages', '/api/whatsapp/conversations/{id}/reply']));
  });
});
