import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { clinicalKit } from './clinical-test-kit.ts';

let t: TestApp;
let medico: LoggedIn;
let laraza: LoggedIn;
let coordinacion: LoggedIn;
let sigloXXI: string;
const k = clinicalKit(() => t);
const { get, send, ok, daysAgo, at } = k;

beforeAll(async () => {
  t = await createTestApp();
  [medico, laraza, coordinacion] = await Promise.all([login(t.app, 'medico'), login(t.app, 'medico.laraza'), login(t.app, 'coordinacion')]);
  sigloXXI = medico.user.units.find((u) => (u as { clues?: string }).clues === 'DFIMS000616')!.id;
});
afterAll(async () => t?.close());

type Json = Record<string, any>;
const fields = (res: { json: () => unknown }) => ((res.json() as Json).errors ?? []).map((e: { field: string }) => e.field).sort();

describe('diagnoses', () => {
  let patient: { id: string; birthDate: string };
  beforeAll(async () => {
    patient = await k.registerPatient(medico, sigloXXI);
  });

  it('derives ICD-10 and the ICCC-3 group and subgroup from ICD-O-3, with Spanish names', async () => {
    const dx = await ok<Json>(send('POST', `/api/patients/${patient.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(60))));
    expect(dx).toMatchObject({ sequence: 1, topography: 'C42.1', morphology: '9836', behaviour: 3, icd10: 'C91.0', icccGroup: 'I', version: 1 });
    expect(dx.icccSubgroup).toMatch(/^Ia/);
    expect(dx.topographyName).toMatch(/médula ósea/i);
    expect(dx.icccGroupName).toMatch(/leucemia/i);
    expect(dx.ageAtDiagnosis).toBe(6);
  });

  it('refuses an ICD-O-3 morphology or topography that does not exist, naming the field in Spanish', async () => {
    const res = await send('POST', `/api/patients/${patient.id}/diagnoses`, medico, { ...k.allDiagnosis(daysAgo(10)), morphology: '9999', topography: 'C99.9' });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(['morphology', 'topography']);
    expect(res.json().errors.find((e: Json) => e.field === 'morphology').message).toMatch(/no existe en la CIE-O-3/);
  });

  it('refuses a diagnosis date before birth or in the future', async () => {
    const before = await send('POST', `/api/patients/${patient.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(1, patient.birthDate)));
    expect(before.statusCode).toBe(400);
    expect(before.json().errors).toEqual([{ field: 'diagnosisDate', message: `no puede ser anterior al nacimiento (${patient.birthDate})` }]);
    const future = await send('POST', `/api/patients/${patient.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(-3)));
    expect(fields(future)).toEqual(['diagnosisDate']);
    const record = await ok<Json>(get(`/api/patients/${patient.id}/clinical`, medico), 200);
    expect(record.diagnoses).toHaveLength(1);
  });

  it('numbers multiple primaries by date, and soft-deletes with a reason (never removed)', async () => {
    const later = await ok<Json>(send('POST', `/api/patients/${patient.id}/diagnoses`, medico, { topography: 'C64.9', morphology: '8960/3', basis: 7, diagnosisDate: daysAgo(20) }));
    const earlier = await ok<Json>(send('POST', `/api/patients/${patient.id}/diagnoses`, medico, { topography: 'C69.2', morphology: '9510', behaviour: 3, basis: 7, diagnosisDate: daysAgo(90), laterality: 'LEFT' }));
    expect(earlier.sequence).toBe(1);
    let record = await ok<Json>(get(`/api/patients/${patient.id}/clinical`, medico), 200);
    expect(record.diagnoses.map((d: Json) => [d.morphology, d.sequence])).toEqual([['9510', 1], ['9836', 2], ['8960', 3]]);
    expect(record.diagnoses.map((d: Json) => d.icccGroup)).toEqual(['V', 'I', 'VI']);

    const noReason = await send('DELETE', `/api/patients/${patient.id}/diagnoses/${later.id}`, medico, {});
    expect(fields(noReason)).toEqual(['reason']);
    await ok(send('DELETE', `/api/patients/${patient.id}/diagnoses/${earlier.id}`, medico, { reason: 'Capturado en el expediente equivocado' }), 200);
    record = await ok<Json>(get(`/api/patients/${patient.id}/clinical`, medico), 200);
    expect(record.diagnoses.map((d: Json) => [d.morphology, d.sequence])).toEqual([['9836', 1], ['8960', 2]]);
    const again = await send('DELETE', `/api/patients/${patient.id}/diagnoses/${earlier.id}`, medico, { reason: 'otra vez' });
    expect(again.statusCode).toBe(404);
  });

  it('corrects a diagnosis with compare-and-swap on its version', async () => {
    const record = await ok<Json>(get(`/api/patients/${patient.id}/clinical`, medico), 200);
    const wilms = record.diagnoses.find((d: Json) => d.morphology === '8960');
    const fixed = await ok<Json>(send('PATCH', `/api/patients/${patient.id}/diagnoses/${wilms.id}`, medico, { version: wilms.version, laterality: 'RIGHT', stage: 'III' }), 200);
    expect(fixed).toMatchObject({ laterality: 'RIGHT', stage: 'III', version: wilms.version + 1, icccGroup: 'VI' });
    const stale = await send('PATCH', `/api/patients/${patient.id}/diagnoses/${wilms.id}`, medico, { version: wilms.version, stage: 'IV' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('sets the pediatric flag from the age at the earliest diagnosis (an adult diagnosed at 15 is pediatric)', async () => {
    const adult = await k.registerPatient(medico, sigloXXI, { birthDate: '2000-05-10' });
    expect((await ok<Json>(get(`/api/patients/${adult.id}`, medico), 200)).pediatric).toBe(false);
    await ok(send('POST', `/api/patients/${adult.id}/diagnoses`, medico, { topography: 'C40.2', morphology: '9180', behaviour: 3, basis: 7, diagnosisDate: '2015-08-01' }));
    expect((await ok<Json>(get(`/api/patients/${adult.id}`, medico), 200)).pediatric).toBe(true);
  });
});

describe('treatment: plans, cycles, administrations, measurements', () => {
  let p: { id: string; birthDate: string };
  let dxDate: string;
  let dxId: string;
  let planId: string;
  const cycles: Json[] = [];

  beforeAll(async () => {
    p = await k.registerPatient(medico, sigloXXI);
    dxDate = daysAgo(45);
    dxId = (await ok<Json>(send('POST', `/api/patients/${p.id}/diagnoses`, medico, k.allDiagnosis(dxDate)))).id;
  });

  it('a plan may not start before its diagnosis; a curative plan puts the patient on treatment from its start', async () => {
    const early = await send('POST', `/api/patients/${p.id}/plans`, medico, { diagnosisId: dxId, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: daysAgo(1, dxDate) });
    expect(fields(early)).toEqual(['startDate']);
    const plan = await ok<Json>(send('POST', `/api/patients/${p.id}/plans`, medico, { diagnosisId: dxId, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: daysAgo(42), plannedCycles: 8 }));
    planId = plan.id;
    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record).toMatchObject({ treatmentStatus: 'ON_TREATMENT', statusSince: daysAgo(42), curativeIntent: true, lastTreatmentOn: daysAgo(42) });
    expect(record.statusHistory.map((s: Json) => s.status)).toEqual(['ON_TREATMENT', 'NEW']);
  });

  it('refuses a cycle dated before the diagnosis date, naming the field', async () => {
    const res = await send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Inducción', cycleNumber: 1, plannedDate: daysAgo(5, dxDate) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'plannedDate', message: `no puede ser anterior a la fecha de diagnóstico (${dxDate})` }]);
    expect(res.json().detail).toContain('plannedDate');
    const given = await send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Inducción', cycleNumber: 1, plannedDate: dxDate, actualDate: daysAgo(2, dxDate) });
    expect(fields(given)).toEqual(['actualDate']);
  });

  it('links each cycle to the previous one, even when one is inserted between two, and refuses a duplicate number (409)', async () => {
    cycles.push(await ok<Json>(send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Inducción', cycleNumber: 1, plannedDate: daysAgo(40) })));
    cycles.push(await ok<Json>(send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Inducción', cycleNumber: 3, plannedDate: daysAgo(10) })));
    cycles.push(await ok<Json>(send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Inducción', cycleNumber: 2, plannedDate: daysAgo(25) })));
    expect(cycles[0]!.previousCycleId).toBeNull();
    expect(cycles[2]!.previousCycleId).toBe(cycles[0]!.id);
    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    const third = record.plans[0].cycles.find((c: Json) => c.cycleNumber === 3);
    expect(third.previousCycleId).toBe(cycles[2]!.id);
    const dup = await send('POST', `/api/patients/${p.id}/cycles`, medico, { planId, course: 'Consolidación', cycleNumber: 2, plannedDate: daysAgo(5) });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CYCLE_NUMBER_TAKEN', errors: [{ field: 'cycleNumber' }] });
  });

  it('marks a cycle given with compare-and-swap on its version (409 VERSION_CONFLICT when stale)', async () => {
    const c1 = (await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200)).plans[0].cycles.find((c: Json) => c.cycleNumber === 1);
    const given = await ok<Json>(send('PATCH', `/api/patients/${p.id}/cycles/${c1.id}`, medico, { version: c1.version, status: 'GIVEN', actualDate: daysAgo(39) }), 200);
    expect(given).toMatchObject({ status: 'GIVEN', actualDate: daysAgo(39), version: c1.version + 1 });
    const stale = await send('PATCH', `/api/patients/${p.id}/cycles/${c1.id}`, medico, { version: c1.version, status: 'DELAYED' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', errors: [{ field: 'version' }] });
    const noDate = await send('PATCH', `/api/patients/${p.id}/cycles/${c1.id}`, medico, { version: given.version, actualDate: null, status: 'GIVEN' });
    expect(fields(noDate)).toEqual(['actualDate']);
    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record.lastTreatmentOn).toBe(daysAgo(39));
  });

  it('refuses a dose per m² when there is no weight and height yet, asking for them first', async () => {
    const res = await send('POST', `/api/patients/${p.id}/cycles/${cycles[2]!.id}/administrations`, medico, {
      drug: 'Vincristina', dose: 1.5, doseUnit: 'mg/m2', route: 'IV', groupKind: 'CHEMOTHERAPY', administeredAt: at(daysAgo(25)),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('dose');
    expect(res.json().errors[0].message).toMatch(/peso y la talla/);
  });

  it('refuses absurd weights and heights (400 kg for a child, negative) with field-named Spanish errors', async () => {
    const absurd = await send('POST', `/api/patients/${p.id}/measurements`, medico, { measuredOn: daysAgo(30), weightKg: 400, heightCm: -110 });
    expect(absurd.statusCode).toBe(400);
    expect(fields(absurd)).toEqual(['heightCm', 'weightKg']);
    expect(absurd.json().errors.find((e: Json) => e.field === 'weightKg').message).toMatch(/400 kg no es posible/);
    const text = await send('POST', `/api/patients/${p.id}/measurements`, medico, { measuredOn: daysAgo(30), weightKg: 'veinte', heightCm: 110 });
    expect(fields(text)).toEqual(['weightKg']);
    expect((await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200)).measurements).toEqual([]);
  });

  it('doses with the latest dated measurement on or before the administration, stores BSA and its date, sums anthracyclines', async () => {
    const m1 = await ok<Json>(send('POST', `/api/patients/${p.id}/measurements`, medico, { measuredOn: daysAgo(30), weightKg: 20, heightCm: 110 }));
    expect(m1).toMatchObject({ measuredOn: daysAgo(30), weightKg: 20, heightCm: 110, bsa: 0.78 });
    await ok(send('POST', `/api/patients/${p.id}/measurements`, medico, { measuredOn: daysAgo(12), weightKg: 22, heightCm: 115 }));

    const base = { route: 'IV', groupKind: 'CHEMOTHERAPY', doseReductionPct: 0 };
    const dauno = await ok<Json>(
      send('POST', `/api/patients/${p.id}/cycles/${cycles[2]!.id}/administrations`, medico, { ...base, drug: 'Daunorrubicina', dose: 30, doseUnit: 'mg/m2', administeredAt: at(daysAgo(25)) }),
    );
    expect(dauno).toMatchObject({ bsaUsed: 0.78, measuredOn: daysAgo(30), doseMg: 23.4, anthracyclineMgM2: 18, cumulativeAnthracyclineMgM2: 18 });

    const doxo = await ok<Json>(
      send('POST', `/api/patients/${p.id}/cycles/${cycles[1]!.id}/administrations`, medico, {
        ...base, drug: 'Doxorrubicina', dose: 30, doseUnit: 'mg/m2', doseReductionPct: 50, administeredAt: at(daysAgo(10)),
      }),
    );
    expect(doxo).toMatchObject({ bsaUsed: 0.84, measuredOn: daysAgo(12), doseMg: 12.6, anthracyclineMgM2: 15, cumulativeAnthracyclineMgM2: 33 });

    // An absolute dose is converted with the BSA: 21 mg of idarubicin... no: 4.2 mg / 0.84 m² × 5 = 25 mg/m².
    const ida = await ok<Json>(
      send('POST', `/api/patients/${p.id}/cycles/${cycles[1]!.id}/administrations`, medico, { ...base, drug: 'IDARUBICINA', dose: 4.2, doseUnit: 'mg', administeredAt: at(daysAgo(10), '12:00') }),
    );
    expect(ida).toMatchObject({ bsaUsed: 0.84, anthracyclineMgM2: 25, cumulativeAnthracyclineMgM2: 58 });

    const premed = await ok<Json>(
      send('POST', `/api/patients/${p.id}/cycles/${cycles[1]!.id}/administrations`, medico, {
        drug: 'Ondansetrón', dose: 0.15, doseUnit: 'mg/kg', route: 'IV', groupKind: 'PREMEDICATION', administeredAt: at(daysAgo(10), '09:30'),
      }),
    );
    expect(premed).toMatchObject({ doseMg: 3.3, anthracyclineMgM2: null, cumulativeAnthracyclineMgM2: 58 });

    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record.latestMeasurement).toMatchObject({ measuredOn: daysAgo(12), bsa: 0.84 });
    expect(record.cumulativeAnthracyclineMgM2).toBe(58);
    const byNumber = Object.fromEntries(record.plans[0].cycles.map((c: Json) => [c.cycleNumber, c]));
    expect(byNumber[2]).toMatchObject({ status: 'GIVEN', actualDate: daysAgo(25) });
    expect(byNumber[3]).toMatchObject({ status: 'GIVEN', actualDate: daysAgo(10) });
    expect(byNumber[3].administrations.map((a: Json) => a.drug)).toEqual(['Ondansetrón', 'Doxorrubicina', 'IDARUBICINA']);
    expect(record.lastTreatmentOn).toBe(daysAgo(10));
  });

  it('records radiotherapy, surgery and transplant; Gy only for radiotherapy', async () => {
    const rt = await ok<Json>(send('POST', `/api/patients/${p.id}/treatments`, medico, { kind: 'RADIOTHERAPY', startDate: daysAgo(8), endDate: daysAgo(6), description: 'Radioterapia a SNC', doseGy: 12, fractions: 8 }));
    expect(rt).toMatchObject({ kind: 'RADIOTHERAPY', doseGy: 12, fractions: 8, endDate: daysAgo(6) });
    const bad = await send('POST', `/api/patients/${p.id}/treatments`, medico, { kind: 'SURGERY', startDate: daysAgo(8), endDate: daysAgo(9), description: 'Colocación de catéter', doseGy: 2 });
    expect(fields(bad)).toEqual(['doseGy', 'endDate']);
    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record.otherTreatments).toHaveLength(1);
    expect(record.lastTreatmentOn).toBe(daysAgo(6));
  });
});

describe('complications, status and follow-up', () => {
  let p: { id: string; birthDate: string };
  beforeAll(async () => {
    p = await k.registerPatient(medico, sigloXXI);
  });

  it('febrile neutropenia: minutes from triage to antibiotic and the golden hour', async () => {
    const fast = await ok<Json>(
      send('POST', `/api/patients/${p.id}/complications`, medico, {
        kind: 'FEBRILE_NEUTROPENIA', onsetAt: at(daysAgo(5), '08:30'), triageAt: at(daysAgo(5), '10:00'), antibioticAt: at(daysAgo(5), '10:45'), description: 'Fiebre 38.5 °C, NAT 300',
      }),
    );
    expect(fast).toMatchObject({ minutesToAntibiotic: 45, withinGoldenHour: true });
    const slow = await ok<Json>(
      send('POST', `/api/patients/${p.id}/complications`, medico, {
        kind: 'FEBRILE_NEUTROPENIA', onsetAt: at(daysAgo(2), '22:00'), triageAt: at(daysAgo(2), '23:10'), antibioticAt: at(daysAgo(1), '00:40'), description: 'Fiebre 39 °C', grade: 3,
      }),
    );
    expect(slow).toMatchObject({ minutesToAntibiotic: 90, withinGoldenHour: false, grade: 3 });
    const backwards = await send('POST', `/api/patients/${p.id}/complications`, medico, {
      kind: 'FEBRILE_NEUTROPENIA', onsetAt: at(daysAgo(1), '08:00'), triageAt: at(daysAgo(1), '09:00'), antibioticAt: at(daysAgo(1), '08:50'), description: 'x',
    });
    expect(fields(backwards)).toEqual(['antibioticAt']);
    const record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record.complications.map((c: Json) => c.minutesToAntibiotic)).toEqual([90, 45]);
  });

  it('keeps the status history; refusal, abandonment and death need a reason; death sets the vital status', async () => {
    const noReason = await send('POST', `/api/patients/${p.id}/status`, medico, { status: 'REFUSED', since: daysAgo(20) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([{ field: 'reason', message: 'es obligatorio para rechazo, abandono o defunción' }]);
    await ok(send('POST', `/api/patients/${p.id}/status`, medico, { status: 'ON_TREATMENT', since: daysAgo(20) }));
    await ok(send('POST', `/api/patients/${p.id}/status`, medico, { status: 'SURVEILLANCE', since: daysAgo(3) }));
    // Entered late for an earlier date: kept in the history, does not replace the current status.
    await ok(send('POST', `/api/patients/${p.id}/status`, medico, { status: 'PALLIATIVE', since: daysAgo(10), reason: 'Progresión' }));
    let record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record).toMatchObject({ treatmentStatus: 'SURVEILLANCE', statusSince: daysAgo(3) });
    expect(record.statusHistory.map((s: Json) => s.status)).toEqual(['ON_TREATMENT', 'PALLIATIVE', 'SURVEILLANCE', 'NEW']);

    await ok(send('POST', `/api/patients/${p.id}/status`, medico, { status: 'DECEASED', since: daysAgo(1), reason: 'Choque séptico' }));
    record = await ok<Json>(get(`/api/patients/${p.id}/clinical`, medico), 200);
    expect(record).toMatchObject({ treatmentStatus: 'DECEASED', vitalStatus: 'DECEASED', deathDate: daysAgo(1) });
    const after = await send('POST', `/api/patients/${p.id}/status`, medico, { status: 'ON_TREATMENT', since: daysAgo(0) });
    expect(after.statusCode).toBe(409);
    const alive = await send('POST', `/api/patients/${p.id}/follow-ups`, medico, { contactDate: daysAgo(0), kind: 'PHONE', vitalStatus: 'ALIVE' });
    expect(fields(alive)).toEqual(['contactDate', 'vitalStatus']);
  });
});

describe('merge', () => {
  it("a merge moves the duplicate's clinical records to the survivor and brings its summary up to date", async () => {
    const survivor = await k.registerPatient(medico, sigloXXI);
    await ok(send('POST', `/api/patients/${survivor.id}/diagnoses`, medico, { topography: 'C64.9', morphology: '8960', behaviour: 3, basis: 7, diagnosisDate: daysAgo(20) }));
    const duplicate = await k.registerPatient(medico, sigloXXI);
    const dx = await ok<Json>(send('POST', `/api/patients/${duplicate.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(45))));
    await ok(send('POST', `/api/patients/${duplicate.id}/plans`, medico, { diagnosisId: dx.id, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: daysAgo(40) }));
    await ok(send('POST', `/api/patients/merge`, medico, { survivorId: survivor.id, mergedId: duplicate.id, reason: 'Mismo paciente' }), 200);
    const record = await ok<Json>(get(`/api/patients/${survivor.id}/clinical`, medico), 200);
    expect(record.diagnoses.map((d: Json) => [d.morphology, d.sequence])).toEqual([['9836', 1], ['8960', 2]]);
    expect(record).toMatchObject({ treatmentStatus: 'ON_TREATMENT', statusSince: daysAgo(40), curativeIntent: true, lastTreatmentOn: daysAgo(40) });
    expect(record.plans).toHaveLength(1);
    const late = await send('POST', `/api/patients/${duplicate.id}/follow-ups`, medico, { contactDate: daysAgo(1), kind: 'PHONE', vitalStatus: 'ALIVE' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('PATIENT_MERGED');
  });
});

describe('timeline', () => {
  it('one newest-first stream of dated events with a Spanish label each, keyset-paged without repeats', async () => {
    const p = await k.registerPatient(medico, sigloXXI);
    const dx = await ok<Json>(send('POST', `/api/patients/${p.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(30))));
    const plan = await ok<Json>(send('POST', `/api/patients/${p.id}/plans`, medico, { diagnosisId: dx.id, protocol: 'ALL IC-BFM 2009', intent: 'CURATIVE', startDate: daysAgo(28) }));
    await ok(send('POST', `/api/patients/${p.id}/measurements`, medico, { measuredOn: daysAgo(28), weightKg: 21.5, heightCm: 112 }));
    const c1 = await ok<Json>(send('POST', `/api/patients/${p.id}/cycles`, medico, { planId: plan.id, course: 'Inducción', cycleNumber: 1, plannedDate: daysAgo(27) }));
    await ok(send('POST', `/api/patients/${p.id}/cycles/${c1.id}/administrations`, medico, { drug: 'Vincristina', dose: 1.5, doseUnit: 'mg/m2', route: 'IV', groupKind: 'CHEMOTHERAPY', administeredAt: at(daysAgo(26)) }));
    await ok(send('POST', `/api/patients/${p.id}/complications`, medico, { kind: 'INFECTION', onsetAt: at(daysAgo(15)), description: 'Celulitis en sitio de catéter' }));
    await ok(send('POST', `/api/patients/${p.id}/follow-ups`, medico, { contactDate: daysAgo(7), kind: 'VISIT', vitalStatus: 'ALIVE', diseaseStatus: 'REMISSION' }));

    const seen: Json[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = await ok<Json>(get(`/api/patients/${p.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`, medico), 200);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const kinds = seen.map((e) => e.kind);
    expect(kinds.filter((x) => x === 'REGISTRATION')).toHaveLength(1);
    // Today's registration (and its NEW status) sort by the hour of the day; the dated history follows in order.
    const history = seen.filter((e) => e.date < k.today()).map((e) => e.kind);
    expect(history).toEqual(['FOLLOW_UP', 'COMPLICATION', 'CYCLE_GIVEN', 'ADMINISTRATION', 'CYCLE_PLANNED', 'STATUS', 'PLAN_START', 'MEASUREMENT', 'DIAGNOSIS']);
    expect(new Set(seen.map((e) => `${e.kind}:${e.id}`)).size).toBe(seen.length);
    const times = seen.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const label = (kind: string) => seen.find((e) => e.kind === kind)!.label;
    expect(label('DIAGNOSIS')).toMatch(/^Diagnóstico: .*CIE-10 C91\.0/);
    expect(label('CYCLE_GIVEN')).toBe('Inducción, ciclo 1 aplicado');
    expect(label('ADMINISTRATION')).toBe('Vincristina 1.5 mg/m2 (quimioterapia)');
    expect(label('MEASUREMENT')).toMatch(/^Peso 21.5 kg, talla 112 cm, superficie corporal 0.82 m²$/);
    expect(label('FOLLOW_UP')).toBe('Seguimiento (consulta): vivo, en remisión');
    expect(seen.find((e) => e.kind === 'PLAN_START')?.date).toBe(daysAgo(28));

    const bad = await get(`/api/patients/${p.id}/timeline?cursor=nope`, medico);
    expect(bad.statusCode).toBe(400);
  });
});

describe('access', () => {
  let p: { id: string; birthDate: string };
  beforeAll(async () => {
    p = await k.registerPatient(medico, sigloXXI);
    await ok(send('POST', `/api/patients/${p.id}/diagnoses`, medico, k.allDiagnosis(daysAgo(20))));
  });

  it("another unit's doctor gets 404 on the clinical record, the timeline and every write; the denial is audited", async () => {
    for (const url of [`/api/patients/${p.id}/clinical`, `/api/patients/${p.id}/timeline`]) {
      const res = await get(url, laraza);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('PATIENT_NOT_FOUND');
    }
    const write = await send('POST', `/api/patients/${p.id}/measurements`, laraza, { measuredOn: daysAgo(1), weightKg: 20, heightCm: 110 });
    expect(write.statusCode).toBe(404);
    const audit = await k.auditRows(p.id);
    expect(audit.filter((a) => a.outcome === 'DENIED' && a.actorUsername === 'medico.laraza').length).toBeGreaterThanOrEqual(3);
    expect((await ok<Json>(get(`/api/patients/${p.id}/clinical`, coordinacion), 200)).diagnoses).toHaveLength(1);
  });

  it('reads are audited as READ of the patient; writes name the clinical record in the detail, without personal data', async () => {
    await ok(get(`/api/patients/${p.id}/clinical`, medico), 200);
    await ok(get(`/api/patients/${p.id}/timeline`, medico), 200);
    const audit = await k.auditRows(p.id);
    const reads = audit.filter((a) => a.action === 'READ' && a.outcome === 'SUCCESS' && a.actorUsername === 'medico');
    expect(reads.map((a) => a.detail?.view)).toEqual(expect.arrayContaining(['clinical', 'timeline']));
    const create = audit.find((a) => a.action === 'CREATE' && a.detail?.record === 'diagnosis')!;
    expect(create.entity).toBe('patient');
    expect(JSON.stringify(create.detail)).not.toMatch(/C42|9836|MARIA/);
  });

  it('the OpenAPI document describes the clinical endpoints', async () => {
    const doc = (await get('/api/openapi.json', medico)).json();
    for (const path of ['/api/patients/{id}/clinical', '/api/patients/{id}/timeline', '/api/patients/{id}/cycles/{cycleId}/administrations', '/api/worklists/{kind}']) {
      expect(doc.paths[path]).toBeDefined();
    }
  });

  it('a user without patients.write cannot record clinical data (403)', async () => {
    const social = await login(t.app, 'trabajosocial');
    const res = await send('POST', `/api/patients/${p.id}/follow-ups`, social, { contactDate: daysAgo(1), kind: 'PHONE', vitalStatus: 'ALIVE' });
    expect(res.statusCode).toBe(403);
    expect((await get(`/api/patients/${p.id}/clinical`, social)).statusCode).toBe(200);
  });
});
