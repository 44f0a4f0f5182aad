import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/gateway.ts';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let coord: LoggedIn;
let medico: LoggedIn;
let laraza: LoggedIn;
let tutor: LoggedIn;
let funcionario: LoggedIn;
let sigloXXI: string;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  t = await createTestApp();
  [coord, medico, laraza, tutor, funcionario] = (await Promise.all(['coordinacion', 'medico', 'medico.laraza', 'tutor', 'funcionario'].map((u) => login(t.app, u)))) as [LoggedIn, LoggedIn, LoggedIn, LoggedIn, LoggedIn];
  sigloXXI = (await rowsOf<{ id: string }>(t.services.db.orm, sql`SELECT id FROM units WHERE clues = 'DFIMS000616'`))[0]!.id;
});
afterAll(async () => t?.close());

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const send = (method: 'POST' | 'PATCH', url: string, who: LoggedIn, payload: object) => t.app.inject({ method, url, headers: authHeaders(who), payload });
const setNow = (iso: string) => {
  t.services.now = () => new Date(iso);
};

function multipart(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----oncoped' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="archivo"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const newCase = (over: Record<string, unknown> = {}) => ({
  category: 'MISSING_MEDICATION',
  title: 'Falta prednisona',
  description: 'La farmacia no surtió la receta',
  channel: 'CHATBOT',
  unitId: sigloXXI,
  patientName: 'Paciente Prueba Uno',
  reporterName: 'Madre Prueba',
  ...over,
});

describe('reuniones, casos específicos y acuerdos', () => {
  const ids: Record<string, string> = {};
  let meeting100: { id: string; version: number };

  it('los casos recibidos hasta el martes entran a la reunión del jueves con códigos consecutivos; los posteriores esperan a la siguiente', async () => {
    setNow('2029-12-28T18:00:00Z');
    const a = await send('POST', '/api/cases', coord, newCase());
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().code).toBeNull();
    ids.a = a.json().id;

    setNow('2030-01-02T16:00:00Z'); // Wednesday: Tuesday's deadline for 3 January has passed
    const b = await send('POST', '/api/cases', medico, newCase({ category: 'APPOINTMENT', title: 'Cita por Estomatología', receivedAt: '2030-01-01T20:00:00Z' }));
    expect(b.statusCode, b.body).toBe(201);
    ids.b = b.json().id;
    const c = await send('POST', '/api/cases', coord, newCase({ title: 'Falta vincristina' }));
    ids.c = c.json().id;

    const m = await send('POST', '/api/meetings', coord, { number: 100, date: '2030-01-03', modality: 'VIRTUAL', platform: 'Webex' });
    expect(m.statusCode, m.body).toBe(201);
    const meeting = m.json();
    meeting100 = { id: meeting.id, version: meeting.version };
    expect(meeting.extraordinary).toBe(false);
    expect(meeting.agenda.map((i: { title: string }) => i.title)).toContain('Revisión de casos específicos');
    const onAgenda = new Map(meeting.cases.map((x: { id: string; code: string }) => [x.id, x.code]));
    const codeA = onAgenda.get(ids.a) as string;
    const codeB = onAgenda.get(ids.b) as string;
    expect(codeA).toMatch(/^100\.\d+$/);
    expect(Number(codeB.split('.')[1])).toBe(Number(codeA.split('.')[1]) + 1);
    expect(onAgenda.has(ids.c)).toBe(false);

    const next = await send('POST', '/api/meetings', coord, { date: '2030-01-10', modality: 'HYBRID', location: 'Casa de la Niña y el Niño con Cáncer' });
    expect(next.json().number).toBe(101);
    expect(next.json().cases.find((x: { id: string }) => x.id === ids.c).code).toMatch(/^101\./);
    ids.m101 = next.json().id;
  });

  it('una reunión que no es en jueves se acepta como extraordinaria con advertencia; un número repetido es 409', async () => {
    const x = await send('POST', '/api/meetings', coord, { number: 102, date: '2030-01-09', modality: 'VIRTUAL' });
    expect(x.statusCode).toBe(201);
    expect(x.json().extraordinary).toBe(true);
    expect(x.json().warnings.join(' ')).toMatch(/no es en jueves a las 18:00.*extraordinaria/);
    const dup = await send('POST', '/api/meetings', coord, { number: 102, date: '2030-01-16', modality: 'VIRTUAL' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('number');
    expect((await send('POST', '/api/meetings', medico, { date: '2030-01-16', modality: 'VIRTUAL' })).statusCode).toBe(403);
  });

  it('la lista de familias después del martes exige confirmación y queda marcada como extemporánea', async () => {
    const late = await send('POST', `/api/meetings/${meeting100.id}/attendees`, coord, { kind: 'FAMILY', name: 'Jessica', surnames: 'Prueba Apellido', relationship: 'MOTHER', unitId: sigloXXI });
    expect(late.statusCode).toBe(422);
    expect(late.json().errors[0].field).toBe('acceptLate');
    expect(late.json().detail).toMatch(/cerró el martes/);
    const ok = await send('POST', `/api/meetings/${meeting100.id}/attendees`, coord, { kind: 'FAMILY', name: 'Jessica', surnames: 'Prueba Apellido', relationship: 'MOTHER', unitId: sigloXXI, acceptLate: true });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().late).toBe(true);
    const marked = await send('PATCH', `/api/meetings/${meeting100.id}/attendees/${ok.json().id}`, coord, { attended: true });
    expect(marked.json().attended).toBe(true);
  });

  it('en la reunión se registran actualizaciones con control de versión y acuerdos con responsable obligatorio', async () => {
    const started = await send('POST', `/api/meetings/${meeting100.id}/start`, coord, { version: meeting100.version });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('HELD');
    meeting100.version = started.json().version;

    const before = (await get(`/api/cases/${ids.b}`, coord)).json();
    const first = await send('POST', `/api/cases/${ids.b}/updates`, coord, { version: before.version, text: 'Se otorgó cita el día 18 de enero.', status: 'RESOLVED', meetingId: meeting100.id });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().status).toBe('RESOLVED');
    const stale = await send('POST', `/api/cases/${ids.b}/updates`, medico, { version: before.version, text: 'Otra versión de la historia' });
    expect(stale.statusCode).toBe(409);
    const after = (await get(`/api/cases/${ids.b}`, coord)).json();
    expect(after.updates.map((u: { text: string }) => u.text)).toEqual(['Se otorgó cita el día 18 de enero.']);
    expect(after.updates[0].meetingNumber).toBe(100);

    const noOwner = await send('POST', `/api/meetings/${meeting100.id}/agreements`, coord, { text: 'Dar seguimiento al abasto de prednisona' });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().errors[0].field).toBe('responsibleOfficialId');
    const agreement = await send('POST', `/api/meetings/${meeting100.id}/agreements`, coord, { text: 'Dar seguimiento al abasto de prednisona', responsibleArea: 'Coordinación de Control de Abasto – DA', dueMeetingNumber: 101 });
    expect(agreement.statusCode, agreement.body).toBe(201);
    expect(agreement.json().code).toBe('100/1');
    const pending = (await get('/api/agreements?status=PENDING&meeting=100', coord)).json();
    expect(pending.items.map((x: { id: string }) => x.id)).toContain(agreement.json().id);
    const board = (await get(`/api/meetings/${ids.m101}`, coord)).json();
    expect(board.agreementsFollowUp.map((x: { id: string }) => x.id)).toContain(agreement.json().id);
  });

  it('las evidencias se revisan por su contenido y tamaño', async () => {
    const fake = multipart('firmas.jpg', Buffer.from('esto no es una imagen'), 'image/jpeg');
    const bad = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting100.id}/attachments`, headers: { ...authHeaders(coord), ...fake.headers }, payload: fake.payload });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().errors[0].field).toBe('archivo');
    const big = multipart('firmas.png', Buffer.concat([PNG, Buffer.alloc(20 * 1024 * 1024)]), 'image/png');
    const tooBig = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting100.id}/attachments`, headers: { ...authHeaders(coord), ...big.headers }, payload: big.payload });
    expect(tooBig.statusCode).toBe(413);
    const good = multipart('firmas.png', PNG, 'image/png');
    const ok = await t.app.inject({ method: 'POST', url: `/api/meetings/${meeting100.id}/attachments`, headers: { ...authHeaders(coord), ...good.headers }, payload: good.payload });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mediaType).toBe('image/png');
    const back = await get(`/api/attachments/${ok.json().id}`, medico);
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, PNG)).toBe(0);
    expect((await get(`/api/meetings/${meeting100.id}`, coord)).json().attachments).toHaveLength(1);
  });

  it('una reunión cerrada no admite casos ni actualizaciones; un código CE repetido es 409', async () => {
    const closed = await send('POST', `/api/meetings/${meeting100.id}/close`, coord, { version: meeting100.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('CLOSED');
    const intoClosed = await send('POST', '/api/cases', coord, newCase({ meetingId: meeting100.id }));
    expect(intoClosed.statusCode).toBe(409);
    expect(intoClosed.json().code).toBe('MEETING_CLOSED');
    const a = (await get(`/api/cases/${ids.a}`, coord)).json();
    const upd = await send('POST', `/api/cases/${ids.a}/updates`, coord, { version: a.version, text: 'x', meetingId: meeting100.id });
    expect(upd.statusCode).toBe(409);
    expect((await get(`/api/cases/${ids.a}`, coord)).json().version).toBe(a.version);

    const seq = a.code.split('.')[1];
    const dup = await send('POST', '/api/cases', coord, newCase({ code: `CE 101.${seq}` }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('CASE_CODE_TAKEN');
    expect(dup.json().errors[0].field).toBe('code');
  });

  it('cada quien ve solo los casos que le corresponden, y cada lectura queda en la bitácora', async () => {
    expect((await get(`/api/cases/${ids.b}`, laraza)).statusCode).toBe(404);
    const larazaList = (await get('/api/cases?meeting=100', laraza)).json();
    expect(larazaList.items.map((x: { id: string }) => x.id)).not.toContain(ids.b);
    const medicoList = (await get('/api/cases?meeting=100&status=RESOLVED', medico)).json();
    expect(medicoList.items.map((x: { id: string }) => x.id)).toEqual([ids.b]);
    expect((await get('/api/cases', tutor)).statusCode).toBe(403);
    expect((await get(`/api/cases/${ids.b}`, tutor)).statusCode).toBe(403);

    const official = (await rowsOf<{ id: string }>(t.services.db.orm, sql`SELECT o.id FROM officials o JOIN users u ON u.id = o.user_id WHERE u.username = 'funcionario'`))[0]!.id;
    const c = (await get(`/api/cases/${ids.c}`, coord)).json();
    const assigned = await send('PATCH', `/api/cases/${ids.c}`, coord, { version: c.version, responsibleOfficialId: official });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect((await get(`/api/cases/${ids.c}`, funcionario)).statusCode).toBe(200);
    expect((await get(`/api/cases/${ids.b}`, funcionario)).statusCode).toBe(404);
    const follow = await send('POST', `/api/cases/${ids.c}/updates`, funcionario, { version: assigned.json().version, text: 'Se solicitó el medicamento al almacén delegacional.' });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(follow.json().status).toBe('IN_FOLLOW_UP');
    const closeIt = await send('POST', `/api/cases/${ids.c}/updates`, funcionario, { version: follow.json().version, text: 'Cerrado', status: 'CLOSED' });
    expect(closeIt.statusCode).toBe(400);

    const audited = await rowsOf<{ n: number }>(t.services.db.orm, sql`SELECT COUNT(*)::int AS n FROM audit_log WHERE action = 'READ' AND entity = 'case' AND entity_id = ${ids.c}`);
    expect(audited[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('la reunión 19 de la demostración (minuta de seed 004) trae sus casos con código', async () => {
    const list = (await get('/api/meetings?limit=200', coord)).json();
    const m19 = list.items.find((m: { number: number }) => m.number === 19);
    const detail = (await get(`/api/meetings/${m19.id}`, medico)).json();
    const codes = detail.cases.map((c: { code: string }) => c.code);
    for (const code of ['2.7', '3.11', '4.13', '19.58', '11.31', '18.55', '18.56', '19.59', '19.60', '19.61']) expect(codes).toContain(code);
    expect(detail.agreementsAdopted).toHaveLength(2);
    // Unit staff see surnames of no family, and patient names only of their units' cases.
    expect(detail.attendees.every((a: { surnames: string | null }) => a.surnames === null)).toBe(true);
  });
});
