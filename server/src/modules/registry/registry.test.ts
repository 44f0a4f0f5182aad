import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { childInput, registerPatient, unitIdByClues } from '../../testing/registry-fixtures.ts';
import { nextWeekCutoff, weekCutoffAtOrBefore } from './domain/weeks.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let coord: LoggedIn;
let admin: LoggedIn;
let sigloXXI: string;
let raza: string;
const realNow = () => new Date();

beforeAll(async () => {
  t = await createTestApp();
  [medico, laraza, coord, admin] = await Promise.all([login(t.app, 'medico'), login(t.app, 'medico.laraza'), login(t.app, 'coordinacion'), login(t.app, 'admin')]);
  sigloXXI = await unitIdByClues(t.app, medico, 'DFIMS000616');
  raza = await unitIdByClues(t.app, laraza, 'DFIMS000061');
});
afterAll(async () => {
  t.services.now = realNow;
  await t?.close();
});

const get = (url: string, who: LoggedIn) => t.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
const post = (url: string, who: LoggedIn, payload: object) => t.app.inject({ method: 'POST', url, headers: authHeaders(who), payload });
type Row = { id: string; registered: number; expected: number; percent: number | null; newThisWeek: number; newPreviousWeek: number; pediatric: number; adult: number };
const unitRow = async (id: string, who = coord): Promise<Row> => (await get(`/api/registry/progress?scope=unit&id=${id}`, who)).json().rows[0];
const national = async (): Promise<Row> => (await get('/api/registry/progress?scope=national', coord)).json().rows[0];

describe('registration progress', () => {
  it('counts a new registration in its unit, its state and nationally, and in this week\'s +N', async () => {
    const [u0, n0] = [await unitRow(sigloXXI), await national()];
    const st0 = (await get(`/api/registry/progress?scope=state&id=${encodeURIComponent('Ciudad de México')}`, coord)).json().rows[0];
    await registerPatient(t.app, medico, childInput(sigloXXI, { givenNames: 'Lucía' }));
    const [u1, n1] = [await unitRow(sigloXXI), await national()];
    const st1 = (await get(`/api/registry/progress?scope=state&id=${encodeURIComponent('Ciudad de México')}`, coord)).json().rows[0];
    expect(u1.registered - u0.registered).toBe(1);
    expect(u1.newThisWeek - u0.newThisWeek).toBe(1);
    expect(u1.pediatric - u0.pediatric).toBe(1);
    expect(st1.registered - st0.registered).toBe(1);
    expect(n1.registered - n0.registered).toBe(1);
    expect(n1.newThisWeek - n0.newThisWeek).toBe(1);
  });

  it('national progress is Σ registered ÷ Σ expected, and the census changes the denominator from its date', async () => {
    const units = (await get('/api/registry/progress?scope=unit', coord)).json().rows as Row[];
    const n = await national();
    expect(n.registered).toBe(units.reduce((s, r) => s + r.registered, 0));
    expect(n.expected).toBe(units.reduce((s, r) => s + r.expected, 0));
    const bad = await post('/api/registry/census', coord, { unitId: raza, expected: -3, effectiveFrom: '2021-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['effectiveFrom', 'expected']);
    const ok = await post('/api/registry/census', coord, { unitId: raza, expected: 400, effectiveFrom: '2020-01-01' });
    expect(ok.statusCode).toBe(201);
    const later = await post('/api/registry/census', coord, { unitId: raza, expected: 250, effectiveFrom: '2099-01-01' });
    expect(later.statusCode).toBe(201);
    const r = await unitRow(raza);
    const inForce = (await get(`/api/registry/census?unitId=${raza}`, coord)).json().items as { expected: number; effectiveFrom: string }[];
    expect(inForce.map((c) => c.expected)).toEqual(expect.arrayContaining([400, 250]));
    // The 2099 census is not in force yet; the latest one in force today is.
    const current = inForce.filter((c) => c.effectiveFrom <= new Date().toISOString().slice(0, 10)).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]!;
    expect(r.expected).toBe(current.expected);
    expect(r.percent).toBe(Math.round((r.registered / r.expected) * 1000) / 10);
    // Unit staff may not record a census.
    expect((await post('/api/registry/census', medico, { unitId: sigloXXI, expected: 10, effectiveFrom: '2021-01-01' })).statusCode).toBe(403);
  });

  it('at the Thursday 18:00 cut-off this week\'s registrations become the previous week\'s, frozen in a snapshot', async () => {
    const before = await unitRow(raza);
    await registerPatient(t.app, laraza, childInput(raza, { givenNames: 'Camila' }));
    await registerPatient(t.app, laraza, childInput(raza, { givenNames: 'Regina' }));
    const thisWeek = (await unitRow(raza)).newThisWeek;
    expect(thisWeek - before.newThisWeek).toBe(2);
    // Jump to just after the next cut-off (past the settling window).
    const next = nextWeekCutoff(new Date());
    t.services.now = () => new Date(next.getTime() + 10 * 60_000);
    const after = await unitRow(raza);
    expect(after.newPreviousWeek).toBe(thisWeek);
    expect(after.newThisWeek).toBe(0);
    expect(after.registered).toBe(before.registered + 2);
    const stored = await t.services.db.execute<{ n: number }>(`SELECT count(*)::int AS n FROM registry_weekly_snapshots WHERE cutoff = $1`, [next.toISOString()]);
    expect(stored.rows[0]!.n).toBeGreaterThanOrEqual(47);
    const series = (await get(`/api/registry/weekly?scope=unit&id=${raza}&weeks=4`, coord)).json().series as { cutoff: string; newInWeek: number }[];
    expect(series[series.length - 1]).toMatchObject({ cutoff: next.toISOString(), newInWeek: thisWeek });
    t.services.now = realNow;
    expect(weekCutoffAtOrBefore(new Date()).getTime()).toBeLessThan(next.getTime());
  });

  it('rejects unknown scopes and units with Spanish errors', async () => {
    const res = await get('/api/registry/progress?scope=planet', coord);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('parámetro scope');
    expect((await get('/api/registry/progress?scope=unit&id=00000000-0000-4000-8000-000000000000', coord)).statusCode).toBe(404);
  });
});

describe('dashboards', () => {
  it('national coordination sees the national dashboard with every figure, its definition, count and denominator', async () => {
    const refresh = await post('/api/registry/dashboard/refresh', coord, {});
    expect(refresh.statusCode).toBe(200);
    const res = await get('/api/registry/dashboard?scope=national', coord);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.scopeLabel).toBe('Nacional: Nacional');
    expect(d.progress.registered).toBe((await national()).registered);
    const f = d.figures;
    expect(f.caseMix.denominator).toBeGreaterThanOrEqual(f.caseMix.count);
    expect(f.caseMix.byIccc).toHaveLength(12);
    expect(f.caseMix.bySex.H + f.caseMix.bySex.M).toBe(f.caseMix.denominator);
    for (const k of ['caseMix', 'timeToTreatment', 'abandonment', 'survival']) expect(f[k].definition.length).toBeGreaterThan(40);
  });

  it('unit staff see their own unit\'s dashboard only', async () => {
    expect((await get(`/api/registry/dashboard?scope=unit&id=${sigloXXI}`, medico)).statusCode).toBe(200);
    const other = await get(`/api/registry/dashboard?scope=unit&id=${raza}`, medico);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('SCOPE_NOT_VISIBLE');
    expect((await get('/api/registry/dashboard?scope=national', medico)).statusCode).toBe(403);
    // Progress counts are the published figures: every unit's row is visible to unit staff.
    expect((await get('/api/registry/progress?scope=unit', medico)).json().rows.length).toBeGreaterThanOrEqual(47);
  });

  it('records trainings per unit and validates them', async () => {
    const bad = await post('/api/registry/trainings', admin, { unitId: raza, trainedOn: '2999-01-01', modality: 'ONLINE', peopleTrained: 0, topic: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['modality', 'peopleTrained', 'topic']);
    const ok = await post('/api/registry/trainings', admin, { unitId: raza, trainedOn: '2021-03-18', modality: 'IN_PERSON', peopleTrained: 12, topic: 'Registro de quimioterapias en la APO' });
    expect(ok.statusCode).toBe(201);
    const list = (await get(`/api/registry/trainings?unitId=${raza}`, laraza)).json().items;
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ trainedOn: '2021-03-18', modality: 'IN_PERSON', peopleTrained: 12 })]));
  });
});
