import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { clinicalKit } from './clinical-test-kit.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let coordinacion: LoggedIn;
let sigloXXI: string;
let laRaza: string;
const k = clinicalKit(() => t);
const { get, send, ok, daysAgo } = k;
type Json = Record<string, any>;

const patients: Record<'noData' | 'suspect' | 'recent' | 'older' | 'fiveWeeks' | 'larazaSuspect', { id: string; birthDate: string }> = {} as never;
let overdueCycleId: string;

/** A patient with a diagnosis and a curative plan that started `startedDaysAgo` days ago. */
async function onCurativePlan(who: LoggedIn, unitId: string, startedDaysAgo: number) {
  const p = await k.registerPatient(who, unitId);
  const dx = await ok<Json>(send('POST', `/api/patients/${p.id}/diagnoses`, who, k.allDiagnosis(daysAgo(startedDaysAgo + 3))));
  const plan = await ok<Json>(send('POST', `/api/patients/${p.id}/plans`, who, { diagnosisId: dx.id, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: daysAgo(startedDaysAgo) }));
  return { ...p, planId: plan.id as string };
}

async function worklist(kind: string, who: LoggedIn, query = ''): Promise<Json[]> {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: Json = await ok<Json>(get(`/api/worklists/${kind}?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`, who), 200);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
/** The demo data set has patients of its own: assertions look at the ones these tests made. */
const mine = () => new Set(Object.values(patients).map((p) => p.id));
const ids = (items: Json[]) => items.map((i) => i.patientId).filter((id) => mine().has(id));

beforeAll(async () => {
  t = await createTestApp();
  [medico, laraza, coordinacion] = await Promise.all([login(t.app, 'medico'), login(t.app, 'medico.laraza'), login(t.app, 'coordinacion')]);
  sigloXXI = medico.user.units[0]!.id;
  laRaza = laraza.user.units[0]!.id;
  patients.noData = await k.registerPatient(medico, sigloXXI, { guardians: false, consents: false });
  const suspect = await onCurativePlan(medico, sigloXXI, 40);
  patients.suspect = suspect;
  overdueCycleId = (await ok<Json>(send('POST', `/api/patients/${suspect.id}/cycles`, medico, { planId: suspect.planId, course: 'Inducción', cycleNumber: 1, plannedDate: daysAgo(35) }))).id;
  await ok(send('POST', `/api/patients/${suspect.id}/cycles`, medico, { planId: suspect.planId, course: 'Inducción', cycleNumber: 2, plannedDate: daysAgo(-5) }));
  patients.older = await onCurativePlan(medico, sigloXXI, 50);
  patients.fiveWeeks = await onCurativePlan(medico, sigloXXI, 33);
  patients.recent = await onCurativePlan(medico, sigloXXI, 10);
  await ok(send('POST', `/api/patients/${patients.recent.id}/measurements`, medico, { measuredOn: daysAgo(9), weightKg: 20, heightCm: 112 }));
  patients.larazaSuspect = await onCurativePlan(laraza, laRaza, 45);
});
afterAll(async () => t?.close());

describe('worklists per unit', () => {
  it('missing data: says which items are missing (diagnosis, guardian phone, privacy notice, recent weight/height on treatment)', async () => {
    const items = await worklist('missing-data', medico);
    const byId = Object.fromEntries(items.map((i) => [i.patientId, i]));
    expect(byId[patients.noData.id].missing).toEqual(['DIAGNOSIS', 'GUARDIAN_PHONE', 'PRIVACY_NOTICE']);
    expect(byId[patients.noData.id].label).toBe('Falta: diagnóstico, teléfono del responsable, aviso de privacidad');
    expect(byId[patients.suspect.id].missing).toEqual(['RECENT_MEASUREMENT']);
    expect(byId[patients.recent.id]).toBeUndefined();
  });

  it('overdue cycles: planned or delayed cycles whose date has passed', async () => {
    const items = (await worklist('overdue-cycles', medico)).filter((i) => mine().has(i.patientId));
    expect(items.map((i) => i.cycle.id)).toEqual([overdueCycleId]);
    expect(items[0]).toMatchObject({ patientId: patients.suspect.id, days: 35, since: daysAgo(35), cycle: { cycleNumber: 1, course: 'Inducción', status: 'PLANNED' } });
  });

  it('abandonment suspects: curative, on treatment, no treatment event for ≥ 28 days; a trace reason clears them until the next 4-week gap', async () => {
    let items = (await worklist('abandonment-suspects', medico)).filter((i) => mine().has(i.patientId));
    expect(ids(items)).toEqual([patients.older.id, patients.suspect.id, patients.fiveWeeks.id]);
    expect(items[1]).toMatchObject({ since: daysAgo(40), days: 40, treatmentStatus: 'ON_TREATMENT' });
    expect(items[1]?.label).toMatch(/^Sin contacto ≥ 4 semanas/);

    const noReason = await send('POST', `/api/patients/${patients.suspect.id}/follow-ups`, medico, { contactDate: daysAgo(0), kind: 'ABANDONMENT_TRACE', vitalStatus: 'ALIVE' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('traceReason');
    expect(ids(await worklist('abandonment-suspects', medico))).toContain(patients.suspect.id);

    await ok(send('POST', `/api/patients/${patients.suspect.id}/follow-ups`, medico, {
      contactDate: daysAgo(0), kind: 'ABANDONMENT_TRACE', vitalStatus: 'ALIVE', traceReason: 'La familia no tiene para el transporte; trabajo social gestiona apoyo',
    }));
    items = await worklist('abandonment-suspects', medico);
    expect(ids(items)).toEqual([patients.older.id, patients.fiveWeeks.id]);

    // Four more weeks without any treatment event (the service clock moves on): back on the list.
    const realNow = t.services.now;
    t.services.now = () => new Date(realNow().getTime() + 29 * 86_400_000);
    try {
      expect(ids(await worklist('abandonment-suspects', medico))).toContain(patients.suspect.id);
    } finally {
      t.services.now = realNow;
    }
  });

  it('a treatment event takes a patient off the abandonment list', async () => {
    const record = await ok<Json>(get(`/api/patients/${patients.older.id}/clinical`, medico), 200);
    await ok(send('POST', `/api/patients/${patients.older.id}/cycles`, medico, { planId: record.plans[0].id, course: 'Inducción', cycleNumber: 1, plannedDate: daysAgo(2), actualDate: daysAgo(2) }));
    expect(ids(await worklist('abandonment-suspects', medico))).not.toContain(patients.older.id);
  });

  it('no follow-up: last contact older than `days`', async () => {
    const items = await worklist('no-follow-up', medico, '&days=30');
    expect(ids(items)).not.toContain(patients.suspect.id); // traced today
    expect(ids(items)).not.toContain(patients.recent.id);
    const all = await worklist('no-follow-up', medico, '&days=1');
    expect(ids(all)).toEqual(expect.arrayContaining([patients.recent.id]));
    expect(all.find((i) => i.patientId === patients.recent.id)?.label).toMatch(/^Sin seguimiento desde el /);
  });

  it("scope is in the SQL: La Raza's doctor never receives Siglo XXI's rows, national coordination sees both", async () => {
    const siglo = Object.values(patients).filter((p) => p !== patients.larazaSuspect).map((p) => p.id);
    for (const kind of ['missing-data', 'overdue-cycles', 'abandonment-suspects', 'no-follow-up']) {
      const items = await worklist(kind, laraza, '&days=1');
      for (const id of siglo) expect(ids(items)).not.toContain(id);
      for (const i of items) expect(i.unitId).toBe(laRaza);
    }
    expect(ids(await worklist('abandonment-suspects', laraza))).toEqual([patients.larazaSuspect.id]);
    expect(ids(await worklist('abandonment-suspects', laraza, `&unitId=${sigloXXI}`))).toEqual([]);
    const national = ids(await worklist('abandonment-suspects', coordinacion));
    expect(national).toEqual(expect.arrayContaining([patients.larazaSuspect.id, patients.fiveWeeks.id]));
    expect(ids(await worklist('abandonment-suspects', coordinacion, `&unitId=${laRaza}`))).toEqual([patients.larazaSuspect.id]);
  });

  it('rejects an unknown worklist or a bad cursor with a Spanish error naming the parameter', async () => {
    const bad = await get('/api/worklists/todo', medico);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ruta kind');
    expect((await get('/api/worklists/missing-data?cursor=abc', medico)).statusCode).toBe(400);
  });
});
