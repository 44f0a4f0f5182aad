import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { childInput, registerPatient, unitIdByClues, withBadCheckDigit } from '../../testing/registry-fixtures.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let coord: LoggedIn;
let tutor: LoggedIn;
let sigloXXI: string;
let raza: string;

beforeAll(async () => {
  t = await createTestApp();
  [medico, laraza, coord, tutor] = await Promise.all([login(t.app, 'medico'), login(t.app, 'medico.laraza'), login(t.app, 'coordinacion'), login(t.app, 'tutor')]);
  sigloXXI = await unitIdByClues(t.app, medico, 'DFIMS000616');
  raza = await unitIdByClues(t.app, laraza, 'DFIMS000061');
});
afterAll(async () => t?.close());

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const send = (method: 'POST' | 'PATCH', url: string, who: LoggedIn, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...authHeaders(who), ...headers }, payload });
const fields = (res: { json: () => { errors?: { field: string }[] } }) => (res.json().errors ?? []).map((e) => e.field).sort();

describe('registering a patient', () => {
  it('creates the record with guardians and consent, derives the pediatric flag and normalises the phone', async () => {
    const body = childInput(sigloXXI, { givenNames: 'Ana Sofía', firstSurname: 'Ñúñez', secondSurname: 'Gómez' });
    const res = await send('POST', '/api/patients', medico, body);
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ curp: body.curp, givenNames: 'Ana Sofía', firstSurname: 'Ñúñez', unitId: sigloXXI, pediatric: true, treatmentStatus: 'NEW', version: 1 });
    expect(p.guardians).toEqual([expect.objectContaining({ name: 'María López Ruiz', relationship: 'MOTHER', phone: '525512345678', whatsapp: true, isPrimary: true })]);
    expect(p.consents).toEqual([expect.objectContaining({ kind: 'PRIVACY_NOTICE', grantedOn: '2024-01-10' })]);
    // Timestamps are ISO 8601 UTC on both databases, in the record and in search results.
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    expect(p.registeredAt).toMatch(iso);
    expect((await get(`/api/patients?q=${body.curp}`, medico)).json().items[0].registeredAt).toMatch(iso);
  });

  it('rejects a CURP with a wrong check digit, an impossible date or a sex that does not match, naming the field', async () => {
    const good = childInput(sigloXXI);
    const badDigit = await send('POST', '/api/patients', medico, { ...good, curp: withBadCheckDigit(good.curp) });
    expect(badDigit.statusCode).toBe(400);
    expect(fields(badDigit)).toEqual(['curp']);
    expect(badDigit.json().detail).toMatch(/curp/i);

    const impossible = good.curp.slice(0, 4) + '150230' + good.curp.slice(10);
    const badDate = await send('POST', '/api/patients', medico, { ...good, curp: impossible });
    expect(badDate.statusCode).toBe(400);
    expect(fields(badDate)).toEqual(['curp']);

    const wrongSex = await send('POST', '/api/patients', medico, { ...good, sex: 'H' });
    expect(wrongSex.statusCode).toBe(400);
    expect(fields(wrongSex)).toEqual(['sex']);
    expect(wrongSex.json().errors[0].message).toMatch(/CURP/);

    const wrongBirth = await send('POST', '/api/patients', medico, { ...good, birthDate: '2014-01-01' });
    expect(fields(wrongBirth)).toEqual(['birthDate']);

    // Nothing was stored by the rejected attempts; the confirmed mismatch is accepted.
    expect((await get(`/api/patients?q=${good.curp}`, medico)).json().items).toEqual([]);
    const confirmed = await send('POST', '/api/patients', medico, { ...good, sex: 'H', acceptCurpMismatch: true });
    expect(confirmed.statusCode).toBe(201);
  });

  it('rejects bad phone, unknown unit, future birth date and missing names with Spanish field errors', async () => {
    const res = await send('POST', '/api/patients', medico, {
      ...childInput(sigloXXI),
      givenNames: '',
      guardians: [{ name: 'X', relationship: 'AUNT', phone: '123' }],
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['givenNames', 'guardians.0.phone', 'guardians.0.relationship']);
    const unknownUnit = await send('POST', '/api/patients', medico, childInput('00000000-0000-4000-8000-000000000000'));
    expect(unknownUnit.statusCode).toBe(400);
    expect(fields(unknownUnit)).toEqual(['unitId']);
  });

  it('a unit doctor cannot register into another unit (403, audited)', async () => {
    const res = await send('POST', '/api/patients', medico, childInput(raza));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_OUT_OF_SCOPE');
  });

  it('a CURP already registered is a 409 that names the unit only for who may see it', async () => {
    const body = childInput(sigloXXI, { givenNames: 'Mateo', sex: 'H' });
    const first = await registerPatient(t.app, medico, body);
    const again = await send('POST', '/api/patients', medico, body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CURP_TAKEN', errors: [{ field: 'curp' }] });
    expect(again.json().detail).toContain(first.id);
    const other = await send('POST', '/api/patients', laraza, { ...body, unitId: raza });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).not.toContain(first.id);
    expect(other.json().detail).not.toMatch(/Siglo/);
  });

  it('replays a repeated request with the same Idempotency-Key instead of creating twice', async () => {
    const body = childInput(sigloXXI, { givenNames: 'Emilia' });
    const key = 'patient-emilia-1';
    const a = await send('POST', '/api/patients', medico, body, { 'idempotency-key': key });
    const b = await send('POST', '/api/patients', medico, body, { 'idempotency-key': key });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().id).toBe(a.json().id);
  });
});

describe('search and duplicates', () => {
  let pid: string;
  let curp: string;
  beforeAll(async () => {
    const body = childInput(sigloXXI, { givenNames: 'José Ángel', firstSurname: 'Martínez', secondSurname: 'Ibáñez', sex: 'H', nss: '' });
    const p = await registerPatient(t.app, medico, body);
    pid = p.id;
    curp = p.curp;
  });

  it('finds by CURP, by CURP prefix, and by name without accents, with keyset paging', async () => {
    expect((await get(`/api/patients?q=${curp}`, medico)).json().items.map((p: { id: string }) => p.id)).toEqual([pid]);
    expect((await get(`/api/patients?q=${curp.slice(0, 12)}`, medico)).json().items.map((p: { id: string }) => p.id)).toContain(pid);
    const byName = (await get(`/api/patients?q=${encodeURIComponent('martinez ibanez jo')}`, medico)).json();
    expect(byName.fuzzy).toBe(false);
    expect(byName.items.map((p: { id: string }) => p.id)).toContain(pid);
  });

  it('tolerates a typo through trigram similarity and says so', async () => {
    const res = (await get(`/api/patients?q=${encodeURIComponent('jose angel martines ibanes')}`, medico)).json();
    expect(res.fuzzy).toBe(true);
    expect(res.items[0].id).toBe(pid);
  });

  it('pages by keyset without repeats inside the unit scope', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: { id: string; unitId: string }[]; nextCursor: string | null } = (await get(`/api/patients?limit=3${cursor ? `&cursor=${cursor}` : ''}`, medico)).json();
      for (const p of body.items) expect(p.unitId).toBe(sigloXXI);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toContain(pid);
  });

  it('shows candidate duplicates before saving: same birth date and a similar name', async () => {
    const res = await get(
      `/api/patients/duplicates?givenNames=${encodeURIComponent('Jose Angel')}&firstSurname=Martinez&secondSurname=Ibanez&birthDate=${(await get(`/api/patients/${pid}`, medico)).json().birthDate}`,
      medico,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ id: pid, reason: 'SIMILAR_NAME_SAME_BIRTH_DATE' })]);
    // Another unit's doctor learns that a record exists and where, not who it is.
    const other = (await get(`/api/patients/duplicates?curp=${curp}`, laraza)).json().items;
    expect(other).toEqual([expect.objectContaining({ id: null, fullName: null, curp: null, reason: 'SAME_CURP' })]);
  });

  it('another unit cannot find, read or edit the patient; national coordination can read it', async () => {
    expect((await get(`/api/patients?q=${curp}`, laraza)).json().items).toEqual([]);
    expect((await get(`/api/patients?q=martinez`, laraza)).json().items.map((p: { id: string }) => p.id)).not.toContain(pid);
    const read = await get(`/api/patients/${pid}`, laraza);
    expect(read.statusCode).toBe(404);
    const edit = await send('PATCH', `/api/patients/${pid}`, laraza, { address: 'x', version: 1 });
    expect(edit.statusCode).toBe(404);
    expect((await get(`/api/patients/${pid}`, coord)).statusCode).toBe(200);
    // A parent account has no registry permission at all.
    expect((await get(`/api/patients?q=${curp}`, tutor)).statusCode).toBe(403);
    await t.services.audit.drain();
    const rows = (await t.services.db.execute<{ action: string; outcome: string; actor_username: string }>(
      `SELECT action, outcome, actor_username FROM audit_log WHERE entity = 'patient' AND entity_id = $1 ORDER BY id`,
      [pid],
    )).rows;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'CREATE', outcome: 'SUCCESS', actor_username: 'medico' }),
        expect.objectContaining({ action: 'READ', outcome: 'DENIED', actor_username: 'medico.laraza' }),
        expect.objectContaining({ action: 'READ', outcome: 'SUCCESS', actor_username: 'coordinacion' }),
      ]),
    );
  });
});

describe('editing, transfer and merge', () => {
  it('two people editing the same record: the second gets 409 and nothing is lost', async () => {
    const p = await registerPatient(t.app, medico, childInput(sigloXXI, { givenNames: 'Valentina' }));
    const a = await send('PATCH', `/api/patients/${p.id}`, medico, { address: 'Calle 1', version: 1 });
    expect(a.statusCode).toBe(200);
    const b = await send('PATCH', `/api/patients/${p.id}`, medico, { municipality: 'Coyoacán', version: 1 });
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('VERSION_CONFLICT');
    const now = (await get(`/api/patients/${p.id}`, medico)).json();
    expect(now).toMatchObject({ address: 'Calle 1', municipality: null, version: 2 });
  });

  it('a transfer moves the patient and its count to the other unit and keeps the history', async () => {
    const p = await registerPatient(t.app, medico, childInput(sigloXXI, { givenNames: 'Renata' }));
    const before = (await get(`/api/registry/progress?scope=unit&id=${raza}`, coord)).json().rows[0].registered;
    const res = await send('POST', `/api/patients/${p.id}/transfer`, medico, { toUnitId: raza, transferredOn: '2024-05-02', reason: 'Cambio de domicilio', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().transfers).toEqual([expect.objectContaining({ toUnitId: raza, reason: 'Cambio de domicilio', transferredOn: '2024-05-02' })]);
    expect((await get(`/api/patients/${p.id}`, medico)).statusCode).toBe(404);
    expect((await get(`/api/patients/${p.id}`, laraza)).statusCode).toBe(200);
    expect((await get(`/api/registry/progress?scope=unit&id=${raza}`, coord)).json().rows[0].registered).toBe(before + 1);
  });

  it('merging two records keeps both histories, hides the duplicate and corrects the count', async () => {
    const a = await registerPatient(t.app, medico, childInput(sigloXXI, { givenNames: 'Iker', firstSurname: 'Ramírez', sex: 'H', birthDate: '2016-07-07' }));
    const bBody = childInput(sigloXXI, { givenNames: 'Yker', firstSurname: 'Ramirez', sex: 'H', birthDate: '2016-07-07' });
    bBody.guardians = [{ name: 'Pedro Ramírez', relationship: 'FATHER', phone: '+52 1 33 1111 2222', whatsapp: true }];
    const b = await registerPatient(t.app, medico, bBody);
    const dupes = (await get(`/api/patients/duplicates?givenNames=Iker&firstSurname=Ramirez&secondSurname=${encodeURIComponent('López')}&birthDate=2016-07-07&excludeId=${a.id}`, medico)).json().items;
    expect(dupes.map((d: { id: string }) => d.id)).toContain(b.id);
    const before = (await get(`/api/registry/progress?scope=unit&id=${sigloXXI}`, medico)).json().rows[0].registered;
    const forbidden = await send('POST', '/api/patients/merge', laraza, { survivorId: a.id, mergedId: b.id, reason: 'Duplicado' });
    expect(forbidden.statusCode).toBe(404);
    const res = await send('POST', '/api/patients/merge', medico, { survivorId: a.id, mergedId: b.id, reason: 'Mismo paciente, nombre mal escrito' });
    expect(res.statusCode).toBe(200);
    expect(res.json().moved.patient_guardians).toBe(1);
    const survivor = (await get(`/api/patients/${a.id}`, medico)).json();
    expect(survivor.guardians.map((g: { phone: string }) => g.phone).sort()).toEqual(['523311112222', '525512345678']);
    expect(survivor.merges).toEqual([expect.objectContaining({ mergedId: b.id, mergedCurp: b.curp })]);
    expect((await get(`/api/patients?q=${b.curp}`, medico)).json().items).toEqual([]);
    expect((await get(`/api/registry/progress?scope=unit&id=${sigloXXI}`, medico)).json().rows[0].registered).toBe(before - 1);
    const again = await send('POST', '/api/patients/merge', medico, { survivorId: a.id, mergedId: b.id, reason: 'otra vez' });
    expect(again.statusCode).toBe(409);
  });
});

describe('the unit of a registration', () => {
  it('a unit deactivated a moment ago refuses registrations at once (the unit cache is cleared)', async () => {
    const admin = await login(t.app, 'admin');
    await registerPatient(t.app, laraza, childInput(raza, { givenNames: 'Ximena' }));
    const unit = (await get(`/api/units/${raza}`, admin)).json();
    expect((await send('PATCH', `/api/units/${raza}`, admin, { active: false, version: unit.version })).statusCode).toBe(200);
    const refused = await send('POST', '/api/patients', laraza, childInput(raza, { givenNames: 'Paola' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: 'unitId', message: expect.stringMatching(/desactivada/) }]);
    expect((await send('PATCH', `/api/units/${raza}`, admin, { active: true, version: unit.version + 1 })).statusCode).toBe(200);
    expect((await send('POST', '/api/patients', laraza, childInput(raza, { givenNames: 'Paola' }))).statusCode).toBe(201);
  });
});
