import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
let admin: LoggedIn;
let medico: LoggedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  medico = await login(t.app, 'medico');
});
afterAll(async () => t?.close());

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const send = (method: 'POST' | 'PATCH', url: string, who: LoggedIn, payload: object) =>
  t.app.inject({ method, url, headers: authHeaders(who), payload });

describe('the unit catalogue', () => {
  it('holds the 47 units of the network: 14 UMAE and 33 second-level, with the hospitals the seeds name', async () => {
    const all = (await get('/api/units?limit=200', medico)).json().items;
    expect(all).toHaveLength(47);
    expect(all.filter((u: { level: string }) => u.level === 'UMAE')).toHaveLength(14);
    expect(all.filter((u: { level: string }) => u.level === 'SECOND_LEVEL')).toHaveLength(33);
    const names = all.map((u: { name: string }) => u.name).join('\n');
    for (const n of ['Centro Médico Nacional La Raza', 'Hospital de Pediatría "Dr. Silvestre Frenk Freund", Centro Médico Nacional Siglo XXI', 'Zona No. 1 "Dr. Abraham Azar Farah", Campeche', 'Zona No. 1, San Luis Potosí', 'Regional No. 66, Ciudad Juárez', 'Regional No. 1, Tijuana', 'Regional No. 1, Ciudad Obregón']) {
      expect(names).toContain(n);
    }
    for (const u of all) expect(u.clues).toMatch(/^[A-Z]{5}\d{6}$/);
  });

  it('pages by keyset in name order with no repeats and filters in SQL', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: { items: { name: string }[]; nextCursor: string | null } = (await get(`/api/units?limit=10${cursor ? `&cursor=${cursor}` : ''}`, medico)).json();
      seen.push(...body.items.map((u: { name: string }) => u.name));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toHaveLength(47);
    expect(new Set(seen).size).toBe(47);
    expect([...seen]).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const umaeCdmx = (await get(`/api/units?level=UMAE&state=${encodeURIComponent('Ciudad de México')}`, medico)).json().items;
    expect(umaeCdmx.length).toBe(4);
    const search = (await get('/api/units?q=juárez', medico)).json().items;
    expect(search.map((u: { clues: string }) => u.clues)).toEqual(['CHIMS000671']);
    const wildcard = (await get(`/api/units?q=${encodeURIComponent('%_')}`, medico)).json().items;
    expect(wildcard).toEqual([]);
  });

  it('rejects bad filters with a Spanish error naming the parameter', async () => {
    const res = await get('/api/units?level=TERCER_NIVEL&limit=5000', medico);
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['parámetro level', 'parámetro limit']);
  });
});

describe('administration of units', () => {
  let id: string;
  const body = {
    clues: 'tsims000999',
    name: 'Hospital General de Zona No. 6, Ciudad Madero',
    shortName: 'HGZ 6 Cd. Madero',
    level: 'SECOND_LEVEL',
    state: 'Tamaulipas',
    delegation: 'Tamaulipas',
    isOncocrean: false,
    activeFrom: '2021-08-12',
  };

  it('an admin adds a unit (CLUES normalised to upper case)', async () => {
    const res = await send('POST', '/api/units', admin, body);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ clues: 'TSIMS000999', active: true, version: 1, activeFrom: '2021-08-12' });
  });

  it('refuses a second unit with the same CLUES', async () => {
    const res = await send('POST', '/api/units', admin, { ...body, name: 'Otro' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CLUES_TAKEN', errors: [{ field: 'clues' }] });
  });

  it('validates CLUES, state, level and dates in Spanish', async () => {
    const res = await send('POST', '/api/units', admin, { ...body, clues: '123', state: 'Texas', level: 'X', activeFrom: '2021-13-45', name: 'n'.repeat(10_000) });
    expect(res.statusCode).toBe(400);
    const errors = Object.fromEntries(res.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(Object.keys(errors).sort()).toEqual(['activeFrom', 'clues', 'level', 'name', 'state']);
    expect(errors.clues).toMatch(/11 caracteres/);
    expect(errors.state).toMatch(/entidad federativa/);
  });

  it('unit staff cannot add or edit units', async () => {
    expect((await send('POST', '/api/units', medico, body)).statusCode).toBe(403);
    expect((await send('PATCH', `/api/units/${id}`, medico, { name: 'x', version: 1 })).statusCode).toBe(403);
  });

  it('edits with a version check and deactivates without deleting', async () => {
    const edited = await send('PATCH', `/api/units/${id}`, admin, { isOncocrean: true, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ isOncocrean: true, version: 2 });
    const stale = await send('PATCH', `/api/units/${id}`, admin, { shortName: 'Viejo', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const off = await send('PATCH', `/api/units/${id}`, admin, { active: false, version: 2 });
    expect(off.json()).toMatchObject({ active: false });
    const inactive = (await get('/api/units?active=false', medico)).json().items;
    expect(inactive.map((u: { id: string }) => u.id)).toEqual([id]);
    expect((await get(`/api/units/${id}`, medico)).json().active).toBe(false);
  });

  it('answers 404 for an unknown unit and 400 for a malformed id', async () => {
    expect((await get('/api/units/00000000-0000-4000-8000-000000000000', medico)).json().code).toBe('UNIT_NOT_FOUND');
    const bad = await get('/api/units/1%27%20OR%201%3D1', medico);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ruta id');
  });
});
