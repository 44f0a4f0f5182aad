/**
 * The sender against a fake Graph API on loopback that checks what we send (path, bearer token,
 * body shape) and answers as Meta does: ids, throttling (429), and errors with their codes.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type TestApp } from '../../testing/harness.ts';
import * as wa from './testing.ts';
import { workerFor } from './worker.ts';

interface Received {
  path: string;
  auth: string | undefined;
  body: Record<string, unknown>;
}

let graph: Server;
const received: Received[] = [];
/** Files the fake Graph API holds, by media id, and the GETs it saw. */
const mediaFiles = new Map<string, Buffer>();
const mediaRequests: { path: string; auth: string | undefined }[] = [];
/** What the fake answers next for a recipient: a queue of status codes and bodies. */
const scripted = new Map<string, { status: number; body: unknown; headers?: Record<string, string> }[]>();
let t: TestApp;
let secret: string;
const q = <R>(query: ReturnType<typeof sql>) => rowsOf<R>(t.services.db.orm, query);

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => resolve(data));
  });

beforeAll(async () => {
  graph = createServer(async (req, res) => {
    if (req.method === 'GET') {
      // Media: GET /{version}/{media-id} → its URL; GET that URL (bearer token) → the bytes.
      mediaRequests.push({ path: req.url ?? '', auth: req.headers.authorization });
      const file = /^\/files\/(.+)$/.exec(req.url ?? '');
      const id = file ? decodeURIComponent(file[1]!) : decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
      const bytes = mediaFiles.get(id);
      if (!bytes || req.headers.authorization !== 'Bearer EAAG-test-token-123') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Media not found or expired', code: 131052 } }));
      } else if (file) {
        res.writeHead(200, { 'content-type': 'image/jpeg' });
        res.end(bytes);
      } else {
        const port = (graph.address() as AddressInfo).port;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ url: `http://127.0.0.1:${port}/files/${encodeURIComponent(id)}`, mime_type: 'image/jpeg', sha256: createHash('sha256').update(bytes).digest('hex'), file_size: bytes.length, id, messaging_product: 'whatsapp' }));
      }
      return;
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    received.push({ path: req.url ?? '', auth: req.headers.authorization, body });
    const next = scripted.get(String(body.to))?.shift();
    if (next) {
      res.writeHead(next.status, { 'content-type': 'application/json', ...(next.headers ?? {}) });
      res.end(JSON.stringify(next.body));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.FAKE${received.length}` }] }));
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  const port = (graph.address() as AddressInfo).port;
  t = await createTestApp({
    env: { WHATSAPP_ACCESS_TOKEN: 'EAAG-test-token-123', WHATSAPP_API_BASE: `http://127.0.0.1:${port}`, WHATSAPP_PHONE_NUMBER_ID: '123456789012345', WHATSAPP_API_VERSION: 'v21.0' },
  });
  secret = t.services.config.whatsapp.appSecret;
}, 120_000);
afterAll(async () => {
  await t?.close();
  graph?.close();
});

async function say(from: string, text: string) {
  const m = wa.text(from, text);
  expect((await wa.post(t.app, secret, wa.delivery({ messages: [m] }))).statusCode).toBe(200);
  await workerFor(t.services).drain();
  return m;
}

describe('sender (Cloud API)', () => {
  it('posts each reply to /{version}/{phone-number-id}/messages with the bearer token, to the wa_id as Meta sent it, and records the wamid', async () => {
    const from = '5215522220001';
    await say(from, 'hola');
    await workerFor(t.services).flush();
    const mine = received.filter((r) => r.body.to === from);
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) {
      expect(r.path).toBe('/v21.0/123456789012345/messages');
      expect(r.auth).toBe('Bearer EAAG-test-token-123');
      expect(r.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: from });
      expect(['text', 'interactive']).toContain(r.body.type);
      expect(typeof r.body.biz_opaque_callback_data).toBe('string');
    }
    const interactive = mine.find((r) => r.body.type === 'interactive');
    if (interactive) {
      const i = interactive.body.interactive as { type: string; action: { buttons?: { reply: { title: string } }[]; sections?: { rows: { title: string }[] }[] } };
      for (const b of i.action.buttons ?? []) expect(b.reply.title.length).toBeLessThanOrEqual(20);
      for (const row of (i.action.sections ?? []).flatMap((s) => s.rows)) expect(row.title.length).toBeLessThanOrEqual(24);
    }
    const rows = await q<{ status: string; wamid: string }>(sql`SELECT status, wamid FROM wa_outbound WHERE to_wa_id = ${from}`);
    expect(rows.every((r) => r.status === 'SENT' && r.wamid.startsWith('wamid.FAKE'))).toBe(true);
    // A status that raced ahead of our record is applied once the wamid is known.
    const wamid = rows[0]!.wamid;
    await wa.post(t.app, secret, wa.delivery({ statuses: [wa.status(wamid, 'read', from)] }));
    await workerFor(t.services).drain();
    expect((await q<{ status: string }>(sql`SELECT status FROM wa_outbound WHERE wamid = ${wamid}`))[0]!.status).toBe('READ');
  });

  it('retries 429 and 5xx with backoff, and records a permanent error code (131047 re-engagement) on the message without retrying', async () => {
    const from = '5215522220002';
    scripted.set(from, [
      { status: 429, body: { error: { message: 'Too many messages', code: 130429 } }, headers: { 'retry-after': '0' } },
      { status: 503, body: { error: { message: 'Service unavailable', code: 131016 } } },
    ]);
    await say(from, 'hola');
    const flush = async () => {
      for (let i = 0; i < 10; i++) {
        await q(sql`UPDATE wa_outbound SET next_attempt_at = now() WHERE status = 'QUEUED'`);
        await workerFor(t.services).flush();
      }
    };
    await flush();
    const rows = await q<{ status: string; attempts: number }>(sql`SELECT status, attempts FROM wa_outbound WHERE to_wa_id = ${from} ORDER BY created_at, seq`);
    expect(rows[0]).toMatchObject({ status: 'SENT' });
    expect(rows[0]!.attempts).toBe(3);

    const other = '5215522220003';
    scripted.set(other, [{ status: 400, body: { error: { message: 'Re-engagement message', code: 131047, error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' } } } }]);
    await say(other, 'hola');
    await flush();
    const failed = await q<{ status: string; error_code: number; attempts: number; error_title: string }>(
      sql`SELECT status, error_code, attempts, error_title FROM wa_outbound WHERE to_wa_id = ${other} ORDER BY created_at, seq LIMIT 1`,
    );
    expect(failed[0]).toMatchObject({ status: 'FAILED', error_code: 131047, attempts: 1 });
    expect(failed[0]!.error_title).toContain('24 hours');
    const coord = await login(t.app, 'coordinacion');
    const history = await t.app.inject({ method: 'GET', url: `/api/whatsapp/contacts/${other}/messages`, headers: authHeaders(coord) });
    expect((history.json() as { items: { direction: string; status: string; errorCode: number | null }[] }).items).toContainEqual(
      expect.objectContaining({ direction: 'OUT', status: 'FAILED', errorCode: 131047 }),
    );
  });

  it("keeps a contact's messages in order when the first one is throttled: the ones after it wait for its retry", async () => {
    const from = '5215522220005';
    await say(from, 'hola');
    await workerFor(t.services).flush();
    const [contact] = await q<{ id: string }>(sql`SELECT id FROM wa_contacts WHERE wa_id = ${from}`);
    scripted.set(from, [{ status: 503, body: { error: { message: 'Service unavailable', code: 131016 } } }]);
    for (const body of ['uno', 'dos', 'tres']) {
      await q(sql`INSERT INTO wa_outbound (contact_id, to_wa_id, source, kind, text, payload) VALUES (${contact!.id}, ${from}, 'SYSTEM', 'text', ${body}, ${JSON.stringify({ type: 'text', text: { body } })}::jsonb)`);
    }
    const before = received.length;
    await workerFor(t.services).flush();
    // The first failed with a retry ahead: nothing after it left.
    expect(received.slice(before).filter((r) => r.body.to === from).map((r) => (r.body.text as { body: string }).body)).toEqual(['uno']);
    expect((await q<{ text: string; status: string; attempts: number }>(sql`SELECT text, status, attempts FROM wa_outbound WHERE to_wa_id = ${from} AND source = 'SYSTEM' ORDER BY pos`)).map((r) => [r.text, r.status, r.attempts])).toEqual([
      ['uno', 'QUEUED', 1],
      ['dos', 'QUEUED', 0],
      ['tres', 'QUEUED', 0],
    ]);
    await q(sql`UPDATE wa_outbound SET next_attempt_at = now() WHERE status = 'QUEUED'`);
    await workerFor(t.services).flush();
    expect(received.slice(before).filter((r) => r.body.to === from).map((r) => (r.body.text as { body: string }).body)).toEqual(['uno', 'uno', 'dos', 'tres']);
    expect((await q<{ status: string }>(sql`SELECT status FROM wa_outbound WHERE to_wa_id = ${from} AND source = 'SYSTEM'`)).every((r) => r.status === 'SENT')).toBe(true);
  });

  it('downloads the photo a family sends through the media API (bearer token, hash checked); staff who see the contact download it, others get 404; an expired media id is recorded as failed', async () => {
    const from = '5215522220006';
    const photo = Buffer.from('\xff\xd8\xff\xe0 receta de la farmacia', 'latin1');
    const m = wa.media(from, 'image', 'Receta');
    const mediaId = ((m as { image: { id: string } }).image).id;
    mediaFiles.set(mediaId, photo);
    const lost = wa.media(from, 'document');
    expect((await wa.post(t.app, secret, wa.delivery({ messages: [m, lost] }))).statusCode).toBe(200);
    await workerFor(t.services).drain();
    expect(await workerFor(t.services).fetchMedia()).toBe(2);
    expect(mediaRequests.some((r) => r.path === `/v21.0/${mediaId}` && r.auth === 'Bearer EAAG-test-token-123')).toBe(true);

    const coord = await login(t.app, 'coordinacion');
    const history = await t.app.inject({ method: 'GET', url: `/api/whatsapp/contacts/${from}/messages`, headers: authHeaders(coord) });
    const items = (history.json() as { items: { id: string; type: string; direction: string; media: { status: string; mimeType: string | null; bytes: number | null } | null }[] }).items.filter((i) => i.direction === 'IN');
    expect(items.map((i) => [i.type, i.media?.status])).toEqual([
      ['image', 'DOWNLOADED'],
      ['document', 'FAILED'],
    ]);
    expect(items[0]!.media).toMatchObject({ mimeType: 'image/jpeg', bytes: photo.length });

    const file = await t.app.inject({ method: 'GET', url: `/api/whatsapp/media/${items[0]!.id}`, headers: authHeaders(coord) });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('image/jpeg');
    expect(file.rawPayload.equals(photo)).toBe(true);
    const failed = await t.app.inject({ method: 'GET', url: `/api/whatsapp/media/${items[1]!.id}`, headers: authHeaders(coord) });
    expect(failed.statusCode).toBe(409);
    expect(failed.json()).toMatchObject({ code: 'WA_MEDIA_NOT_DOWNLOADED' });
    expect((failed.json() as { detail: string }).detail).toContain('Media not found or expired');

    // An unverified contact belongs to no unit: unit staff (social work of Siglo XXI) do not see it.
    const social = await login(t.app, 'trabajosocial');
    expect((await t.app.inject({ method: 'GET', url: `/api/whatsapp/media/${items[0]!.id}`, headers: authHeaders(social) })).statusCode).toBe(404);
    const medico = await login(t.app, 'medico');
    expect((await t.app.inject({ method: 'GET', url: `/api/whatsapp/media/${items[0]!.id}`, headers: authHeaders(medico) })).statusCode).toBe(403);
  });

  it('refuses free text outside the 24-hour window (a template is allowed) and never sends a reply twice after a crash mid-send', async () => {
    const from = '5215522220004';
    await say(from, 'quiero hablar con una persona');
    await workerFor(t.services).flush();
    const coord = await login(t.app, 'coordinacion');
    // Force the contact into a handed-over conversation whose last message is 25 hours old.
    const [contact] = await q<{ id: string }>(sql`UPDATE wa_contacts SET last_inbound_at = now() - interval '25 hours', mode = 'HUMAN' WHERE wa_id = ${from} RETURNING id`);
    const [conv] = await q<{ id: string }>(sql`INSERT INTO wa_conversations (contact_id, topic) VALUES (${contact!.id}, 'prueba') ON CONFLICT DO NOTHING RETURNING id`);
    const id = conv?.id ?? (await q<{ id: string }>(sql`SELECT id FROM wa_conversations WHERE contact_id = ${contact!.id} AND status <> 'CLOSED'`))[0]!.id;
    const textReply = await t.app.inject({ method: 'POST', url: `/api/whatsapp/conversations/${id}/reply`, headers: authHeaders(coord), payload: { text: 'Hola' } });
    expect(textReply.statusCode).toBe(422);
    expect(textReply.json()).toMatchObject({ code: 'WINDOW_CLOSED', errors: [{ field: 'text' }] });
    const template = await t.app.inject({
      method: 'POST',
      url: `/api/whatsapp/conversations/${id}/reply`,
      headers: authHeaders(coord),
      payload: { template: { name: 'seguimiento_conversacion', params: ['Lupita'] } },
    });
    expect(template.statusCode, template.body).toBe(200);
    const before = received.length;
    await workerFor(t.services).flush();
    const sent = received.slice(before).find((r) => r.body.to === from)!;
    expect(sent.body).toMatchObject({ type: 'template', template: { name: 'seguimiento_conversacion', language: { code: 'es_MX' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lupita' }] }] } });

    // A process that died while sending leaves the row SENDING past its lease: it is not sent again.
    const [stale] = await q<{ id: string }>(
      sql`INSERT INTO wa_outbound (contact_id, to_wa_id, source, kind, text, payload, status, attempts, next_attempt_at) VALUES (${contact!.id}, ${from}, 'BOT', 'text', 'x', '{"type":"text","text":{"body":"x"}}'::jsonb, 'SENDING', 1, now() - interval '1 minute') RETURNING id`,
    );
    const { failAbandonedSends } = await import('./repo.ts');
    expect(await failAbandonedSends(t.services.db.orm)).toBe(1);
    const count = received.length;
    await workerFor(t.services).flush();
    expect(received.slice(count).some((r) => r.body.biz_opaque_callback_data === stale!.id)).toBe(false);
    expect((await q<{ status: string }>(sql`SELECT status FROM wa_outbound WHERE id = ${stale!.id}`))[0]!.status).toBe('FAILED');
    // It had reached Meta after all: its statuses echo our id in biz_opaque_callback_data, and the row adopts the wamid and the status.
    const echoed = { ...wa.status('wamid.ADOPTED1', 'delivered', from), biz_opaque_callback_data: stale!.id };
    const unrelated = { ...wa.status('wamid.ADOPTED2', 'read', from), biz_opaque_callback_data: 'not-one-of-ours' };
    expect((await wa.post(t.app, secret, wa.delivery({ statuses: [echoed, unrelated] }))).statusCode).toBe(200);
    await workerFor(t.services).drain();
    expect((await q<{ status: string; wamid: string; error_title: string | null }>(sql`SELECT status, wamid, error_title FROM wa_outbound WHERE id = ${stale!.id}`))[0]).toEqual({
      status: 'DELIVERED',
      wamid: 'wamid.ADOPTED1',
      error_title: null,
    });
  });
});
