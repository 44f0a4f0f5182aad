/**
 * The ChatBot end to end through the API: signed Cloud API deliveries in, the worker drained, the
 * replies read from the contact's history as staff see them. Navigation picks buttons and list
 * rows by their titles, as a parent would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { mexicanWaId } from './phone.ts';
import * as wa from './testing.ts';
import { workerFor } from './worker.ts';

let t: TestApp;
let secret: string;
let coord: LoggedIn;
const q = <R>(query: ReturnType<typeof sql>) => rowsOf<R>(t.services.db.orm, query);

interface Msg {
  id: string;
  wamid: string | null;
  direction: 'IN' | 'OUT';
  text: string | null;
  status: string;
  author: string;
  buttons?: { id: string; title: string }[];
  list?: { rows: { id: string; title: string }[] };
}

/** A parent on a phone: sends, lets the server process, reads what came back. */
class Parent {
  readonly waId: string;
  private seen = 0;
  constructor(readonly phone: string) {
    this.waId = mexicanWaId(phone);
  }
  async send(textValue: string): Promise<string> {
    await this.deliver(wa.text(this.waId, textValue));
    return this.replies();
  }
  async deliver(message: wa.MessageSpec): Promise<void> {
    const res = await wa.post(t.app, secret, wa.delivery({ messages: [message], names: { [this.waId]: 'Mamá Ñandú 🌷' } }));
    expect(res.statusCode).toBe(200);
    await workerFor(t.services).drain();
    await workerFor(t.services).flush();
  }
  async history(): Promise<Msg[]> {
    const res = await t.app.inject({ method: 'GET', url: `/api/whatsapp/contacts/${this.waId}/messages?limit=500`, headers: authHeaders(coord) });
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: Msg[] }).items;
  }
  /** The bot's messages since the last call, joined (with their button and row titles). */
  async replies(): Promise<string> {
    const all = await this.history();
    const fresh = all.slice(this.seen).filter((m) => m.direction === 'OUT');
    this.seen = all.length;
    return fresh.map((m) => [m.text, ...(m.buttons ?? []).map((b) => `[${b.title}]`), ...(m.list?.rows ?? []).map((r) => `• ${r.title}`)].join('\n')).join('\n---\n');
  }
  /** Taps the button or list row whose title matches, in the bot's latest interactive message. */
  async choose(title: RegExp): Promise<string> {
    const all = await this.history();
    const last = [...all].reverse().find((m) => m.direction === 'OUT' && (m.buttons?.length || m.list?.rows.length));
    if (!last) throw new Error('no interactive message to choose from');
    const button = last.buttons?.find((b) => title.test(b.title));
    const row = last.list?.rows.find((r) => title.test(r.title));
    if (button) await this.deliver(wa.buttonReply(this.waId, button.id, button.title));
    else if (row) await this.deliver(wa.listReply(this.waId, row.id, row.title));
    else throw new Error(`no option ${title} in ${JSON.stringify(last.buttons ?? last.list)}`);
    return this.replies();
  }
}

interface Family {
  phone: string;
  curp: string;
  birthDate: string;
  childName: string;
  patientId: string;
  unitId: string;
}

async function demoFamily(offset: number): Promise<Family> {
  const rows = await q<Family>(
    sql`SELECT g.phone, p.curp, to_char(p.birth_date, 'DD/MM/YYYY') AS "birthDate", split_part(p.given_names, ' ', 1) AS "childName", p.id AS "patientId", p.unit_id AS "unitId"
        FROM patients p JOIN patient_guardians g ON g.patient_id = p.id AND g.phone IS NOT NULL AND g.removed_at IS NULL
        JOIN units u ON u.id = p.unit_id
        WHERE u.clues = 'DFIMS000616' AND p.merged_into IS NULL AND p.vital_status = 'ALIVE'
          AND (SELECT count(*) FROM patient_guardians g2 WHERE g2.phone = g.phone) = 1
        ORDER BY p.curp OFFSET ${offset} LIMIT 1`,
  );
  return rows[0]!;
}

async function verify(parent: Parent, family: Family): Promise<string> {
  await parent.send('hola');
  await parent.choose(/verific/i);
  await parent.send(family.curp.toLowerCase());
  return parent.send(family.birthDate);
}

beforeAll(async () => {
  t = await createTestApp();
  secret = t.services.config.whatsapp.appSecret;
  coord = await login(t.app, 'coordinacion');
}, 120_000);
afterAll(async () => t?.close());

describe('ChatBot for families', () => {
  it('offers only public information and verification until the contact proves to be a guardian; a stranger typing a child’s CURP learns nothing and is audited', async () => {
    const family = await demoFamily(0);
    const stranger = new Parent('5599990001');
    const menu = await stranger.send('Hola 👋');
    expect(menu).toMatch(/verific/i);
    expect(menu).toMatch(/informaci/i);
    expect(menu).not.toMatch(/Reportar un caso/i);

    // The stranger knows the child's CURP and birth date, but the phone is not the guardian's.
    const answer = await verify(stranger, family);
    expect(answer).not.toMatch(new RegExp(family.childName, 'i'));
    expect(answer).toMatch(/no (pudimos|fue posible)/i);
    await t.services.audit.drain();
    const audits = await q<{ outcome: string; detail: { reason: string } }>(
      sql`SELECT a.outcome, a.detail FROM audit_log a JOIN wa_contacts c ON c.id::text = a.entity_id WHERE a.entity = 'wa_contact' AND a.action = 'VERIFY_GUARDIAN' AND c.phone = '525599990001'`,
    );
    expect(audits).toEqual([expect.objectContaining({ outcome: 'DENIED', detail: expect.objectContaining({ reason: 'NOT_GUARDIAN_OR_WRONG_BIRTH_DATE' }) })]);
    expect(await q(sql`SELECT 1 FROM wa_contact_children l JOIN wa_contacts c ON c.id = l.contact_id WHERE c.phone = '525599990001'`)).toHaveLength(0);
    // Still only public options.
    expect(await stranger.send('MENU')).not.toMatch(/Reportar un caso/i);
  });

  it('verifies a guardian by CURP and birth date, takes a caso específico to the meeting of the Tuesday rule, a prednisona request, the family’s case status, and the hand-over to a person', async () => {
    const family = await demoFamily(1);
    const parent = new Parent(family.phone.slice(2));
    const verified = await verify(parent, family);
    expect(verified).toMatch(/listo|verificad/i);
    expect(verified).toMatch(/Reportar un caso/i);

    // Report a case.
    await parent.send('menu');
    let reply = await parent.choose(/Reportar/i);
    if (/\?/.test(reply) && /hospital|unidad/i.test(reply) && !/qué está pasando/i.test(reply)) reply = await parent.choose(/^S[ií]/i);
    if (/categor|tipo|sobre qué/i.test(reply)) reply = await parent.choose(/Cita/i);
    const done = await parent.send('Mi niña necesita cita con Estomatología desde hace 3 semanas y no nos la dan 😟 — Ñ');
    const code = done.match(/CE (\d+)\.(\d+)/);
    expect(code, done).not.toBeNull();
    const [created] = await q<{ code: string; channel: string; status: string; meeting_number: number; patient_id: string; reporter_phone: string; description: string }>(
      sql`SELECT code, channel, status, meeting_number, patient_id, reporter_phone, description FROM cases WHERE code = ${`${code![1]}.${code![2]}`}`,
    );
    expect(created).toMatchObject({ channel: 'CHATBOT', status: 'RECEIVED', patient_id: family.patientId, reporter_phone: family.phone });
    expect(created!.description).toContain('Estomatología');
    // The meeting it goes to is the planned one whose Tuesday deadline this receipt meets.
    const [meeting] = await q<{ number: number }>(
      sql`SELECT number FROM meetings WHERE status = 'PLANNED' AND cases_deadline >= now() ORDER BY scheduled_at LIMIT 1`,
    );
    expect(created!.meeting_number).toBe(meeting!.number);
    expect(done).toContain(String(meeting!.number));
    const agenda = await t.app.inject({ method: 'GET', url: `/api/cases?meetingNumber=${meeting!.number}&limit=200`, headers: authHeaders(coord) });
    expect(agenda.statusCode).toBe(200);

    // Request prednisona.
    await parent.send('MENU');
    reply = await parent.choose(/medicamento/i);
    if (!/medicamento|insumo/i.test(reply) || /cuál de tus/i.test(reply)) reply = await parent.choose(new RegExp(family.childName, 'i'));
    reply = await parent.send('Prednisona 5 mg tabletas');
    reply = await parent.choose(/Urgente/i);
    if (/hospital|unidad/i.test(reply) && /\[S[ií]/.test(reply)) reply = await parent.choose(/^S[ií]/i);
    expect(reply).toMatch(/SM-\d{6}/);
    expect(reply).toMatch(/CE \d+\.\d+/);
    const [request] = await q<{ item: string; urgency: string; channel: string; case_code: string; category: string }>(
      sql`SELECT r.item, r.urgency, r.channel, c.code AS case_code, c.category FROM supply_requests r JOIN cases c ON c.id = r.case_id WHERE r.patient_id = ${family.patientId}`,
    );
    expect(request).toMatchObject({ item: 'Prednisona 5 mg tabletas', urgency: 'URGENT', channel: 'CHATBOT', category: 'MISSING_MEDICATION' });
    expect(reply).toContain(`CE ${request!.case_code}`);

    // Status of my cases.
    await parent.send('menu');
    reply = await parent.choose(/Estado/i);
    expect(reply).toContain(`CE ${code![1]}.${code![2]}`);
    expect(reply).toContain(`CE ${request!.case_code}`);
    expect(reply).toMatch(/Recibido/);

    // Talk to a person: the bot goes silent, staff answer from the inbox, closing returns to the bot.
    await parent.send('menu');
    reply = await parent.choose(/persona/i);
    expect(reply).toMatch(/persona|equipo/i);
    expect(await parent.send('¿Me pueden ayudar con la cita?')).toBe('');
    const inbox = await t.app.inject({ method: 'GET', url: '/api/whatsapp/conversations?status=WAITING', headers: authHeaders(coord) });
    const conversation = (inbox.json() as { items: { id: string; contact: { phone: string }; caseRef: { code: string } | null }[] }).items.find((c) => c.contact.phone === family.phone);
    expect(conversation).toBeDefined();
    expect(conversation!.caseRef?.code).toBe(request!.case_code);
    const ts = await login(t.app, 'trabajosocial');
    const answer = await t.app.inject({
      method: 'POST',
      url: `/api/whatsapp/conversations/${conversation!.id}/reply`,
      headers: { ...authHeaders(coord), 'idempotency-key': 'reply-0001-abcdef' },
      payload: { text: 'Hola, soy de trabajo social. Ya pedimos su cita.' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    await workerFor(t.services).flush();
    expect(await parent.replies()).toContain('Hola, soy de trabajo social');
    // Someone else cannot answer a conversation taken by coordination.
    const other = await t.app.inject({ method: 'POST', url: `/api/whatsapp/conversations/${conversation!.id}/reply`, headers: authHeaders(ts), payload: { text: 'yo también' } });
    expect([404, 409]).toContain(other.statusCode);
    const closed = await t.app.inject({ method: 'POST', url: `/api/whatsapp/conversations/${conversation!.id}/close`, headers: authHeaders(coord), payload: {} });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'CLOSED', firstReplyAt: expect.any(String) });
    await workerFor(t.services).flush();
    expect(await parent.replies()).toMatch(/MENU/);
    expect(await parent.send('hola')).toMatch(/Reportar un caso/i);
  });

  it('answers what it cannot read, stops on BAJA until ALTA, and restarts a conversation left at a wait for a week', async () => {
    const parent = new Parent('5599990002');
    await parent.send('hola');
    await parent.deliver(wa.unsupported(parent.waId));
    expect(await parent.replies()).toMatch(/solo puedo leer/i);
    expect(await parent.send('asdfgh qwerty')).not.toBe('');

    expect(await parent.send('BAJA')).toMatch(/ya no te enviaremos/i);
    expect(await parent.send('hola')).toBe('');
    expect(await parent.send('Alta')).toMatch(/de vuelta/i);

    await parent.send('hola');
    await parent.choose(/verific/i);
    const later = t.services.now;
    try {
      const weekLater = new Date(Date.now() + 8 * 86400_000);
      t.services.now = () => weekLater;
      const reply = await parent.deliver(wa.text(parent.waId, 'AAAA000000HDFXXX00', { at: weekLater })).then(() => parent.replies());
      expect(reply).toMatch(/inactividad|termin/i);
    } finally {
      t.services.now = later;
    }
  });

  it('processes each message exactly once: a redelivered message gets no second reply', async () => {
    const parent = new Parent('5599990003');
    const m = wa.text(parent.waId, 'hola');
    await parent.deliver(m);
    const first = (await parent.history()).filter((x) => x.direction === 'OUT').length;
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) await parent.deliver(m);
    expect((await parent.history()).filter((x) => x.direction === 'OUT')).toHaveLength(first);
    const [row] = await q<{ outcome: string }>(sql`SELECT outcome FROM wa_inbound WHERE wamid = ${m.id!}`);
    expect(row!.outcome).toBe('REPLIED');
  });

  it('links a guardian through a one-time code from unit staff, only for their own unit', async () => {
    const family = await demoFamily(2);
    const [guardian] = await q<{ id: string }>(sql`SELECT id FROM patient_guardians WHERE patient_id = ${family.patientId} AND removed_at IS NULL LIMIT 1`);
    const laraza = await login(t.app, 'medico.laraza');
    const denied = await t.app.inject({ method: 'POST', url: `/api/patients/${family.patientId}/guardians/${guardian!.id}/whatsapp-code`, headers: authHeaders(laraza) });
    expect(denied.statusCode).toBe(404);
    const medico = await login(t.app, 'medico');
    const issued = await t.app.inject({ method: 'POST', url: `/api/patients/${family.patientId}/guardians/${guardian!.id}/whatsapp-code`, headers: authHeaders(medico) });
    expect(issued.statusCode).toBe(200);
    const { code } = issued.json() as { code: string };
    expect(code).toMatch(/^\d{6}$/);

    const parent = new Parent('5599990004'); // another phone than the registry's
    await parent.send('hola');
    await parent.choose(/verific/i);
    let reply = await parent.send('no tengo la curp');
    if (!/código/i.test(reply)) reply = await parent.choose(/código/i);
    else if (/\[.*código/i.test(reply)) reply = await parent.choose(/código/i);
    reply = await parent.send(code);
    expect(reply).toMatch(/listo|verificad/i);
    // Single use.
    const again = new Parent('5599990005');
    await again.send('hola');
    await again.choose(/verific/i);
    await again.send('x');
    await again.choose(/código/i).catch(() => undefined);
    expect(await again.send(code)).not.toMatch(/listo/i);
  });

  it('shows a unit’s staff only the contacts of their units’ children, and figures to coordination', async () => {
    const ts = await login(t.app, 'trabajosocial');
    const mine = await t.app.inject({ method: 'GET', url: '/api/whatsapp/contacts?limit=200', headers: authHeaders(ts) });
    expect(mine.statusCode).toBe(200);
    const staffUnits = new Set(ts.user.units.map((u) => u.id));
    const items = (mine.json() as { items: { children: { patientId: string }[]; verified: boolean }[] }).items;
    for (const c of items) expect(c.verified).toBe(true);
    const patientUnits = await q<{ unit_id: string }>(sql`SELECT DISTINCT p.unit_id FROM wa_contact_children l JOIN patients p ON p.id = l.patient_id`);
    const visible = await t.app.inject({ method: 'GET', url: '/api/whatsapp/contacts?limit=200', headers: authHeaders(coord) });
    expect((visible.json() as { items: unknown[] }).items.length).toBeGreaterThan(items.length);
    if (![...patientUnits].some((u) => staffUnits.has(u.unit_id))) expect(items).toHaveLength(0);
    const stranger = await t.app.inject({ method: 'GET', url: '/api/whatsapp/contacts/5215599990001/messages', headers: authHeaders(ts) });
    expect(stranger.statusCode).toBe(404);

    const figures = await t.app.inject({ method: 'GET', url: '/api/whatsapp/figures', headers: authHeaders(coord) });
    expect(figures.statusCode).toBe(200);
    const f = figures.json() as { casesCreated: number; supplyRequestsCreated: number; handovers: number; optOuts: number; days: { inbound: number }[]; medianFirstHumanReplyMinutes: number | null };
    expect(f.casesCreated).toBeGreaterThanOrEqual(2);
    expect(f.supplyRequestsCreated).toBeGreaterThanOrEqual(1);
    expect(f.handovers).toBeGreaterThanOrEqual(1);
    expect(f.optOuts).toBeGreaterThanOrEqual(1);
    expect(f.medianFirstHumanReplyMinutes).not.toBeNull();
    expect(f.days.reduce((a, d) => a + d.inbound, 0)).toBeGreaterThan(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/whatsapp/figures', headers: authHeaders(ts) })).statusCode).toBe(403);
  });
});
