import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DEMO_PATIENTS, type TestApp } from '../../testing/harness.ts';
import { checkCurp, curpMismatches } from '../registry/domain/curp.ts';
import { checkNss } from '../registry/domain/nss.ts';
import { weekCutoffAtOrBefore } from '../registry/domain/weeks.ts';
import { RowBuffer } from './bulk-insert.ts';
import { RegistryGenerator, type RegistryUnit } from './generate-registry.ts';
import { demoId } from './ids.ts';
import { DEMO_UNITS } from './units-data.ts';

let t: TestApp;
const q = async <R = Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.services.db.execute<R>(text, values)).rows;
const one = async <R = Record<string, unknown>>(text: string, values: unknown[] = []) => (await q<R>(text, values))[0]!;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('demo registry generator (pure)', () => {
  const units: RegistryUnit[] = DEMO_UNITS.map((u) => ({ id: demoId(7, 'unit', u.clues), clues: u.clues, shortName: u.shortName, level: u.level, state: u.state }));
  const run = (seed: number, now: Date, patients = 200) => {
    const gen = new RegistryGenerator({ seed, now, patients, units, id: (k, key) => demoId(seed, k, key), detail: 'full' });
    const buf = new RowBuffer();
    for (let i = 0; i < patients; i++) gen.patient(i, buf);
    gen.census(buf);
    gen.trainings(buf);
    return buf.drain();
  };

  it('whatever "now" is, no follow-up, cycle or measurement falls after the death (20 consecutive cut dates)', () => {
    const late: string[] = [];
    for (let k = 0; k < 20; k++) {
      const now = new Date(Date.parse('2026-09-01T17:00:00Z') + k * 86_400_000);
      const rows = run(20201105, now, 300);
      const death = new Map<unknown, string>(rows.get('patients')!.filter((p) => p[19] !== null).map((p) => [p[0], p[19] as string]));
      const after = (patientId: unknown, day: unknown) => typeof day === 'string' && death.has(patientId) && day > death.get(patientId)!;
      for (const f of rows.get('followUps') ?? []) if (after(f[1], f[2])) late.push(`seguimiento ${f[3]} ${f[2]}`);
      for (const c of rows.get('cycles') ?? []) if (after(c[2], c[7])) late.push(`ciclo ${c[7]}`);
      for (const m of rows.get('measurements') ?? []) if (after(m[1], m[2])) late.push(`medición ${m[2]}`);
    }
    expect(late).toEqual([]);
  });

  it('is deterministic for a seed and a "now", and another seed gives another registry', () => {
    const now = new Date('2026-03-12T17:00:00Z');
    const a = run(11, now);
    const b = run(11, now);
    expect(JSON.stringify([...b])).toBe(JSON.stringify([...a]));
    const c = run(12, now);
    expect(c.get('patients')!.map((r) => r[1])).not.toEqual(a.get('patients')!.map((r) => r[1]));
  });

  it('at the national scale: 4,228 patients, ~45 % pediatric, leukaemia ≈ 49 %, CNS ≈ 12 %, lymphoma ≈ 10 % of children, +100–160 in the last week', () => {
    const now = new Date('2026-03-12T17:00:00Z');
    const rows = run(20201105, now, 4228);
    const patients = rows.get('patients')!;
    expect(patients).toHaveLength(4228);
    const pediatric = patients.filter((p) => p[15] === true).length;
    expect(pediatric / 4228).toBeGreaterThan(0.43);
    expect(pediatric / 4228).toBeLessThan(0.47);
    const pedIds = new Set(patients.filter((p) => p[15] === true).map((p) => p[0]));
    const dx = rows.get('diagnoses')!.filter((d) => pedIds.has(d[1]));
    const share = (g: string) => dx.filter((d) => d[12] === g).length / dx.length;
    expect(share('I')).toBeGreaterThan(0.46);
    expect(share('I')).toBeLessThan(0.52);
    expect(share('III')).toBeGreaterThan(0.1);
    expect(share('III')).toBeLessThan(0.14);
    expect(share('II')).toBeGreaterThan(0.08);
    expect(share('II')).toBeLessThan(0.12);
    const lastWeek = patients.filter((p) => (p[24] as Date).getTime() > now.getTime() - 7 * 86_400_000).length;
    expect(lastWeek).toBeGreaterThanOrEqual(100);
    expect(lastWeek).toBeLessThanOrEqual(160);
    expect(patients.every((p) => (p[24] as Date).getTime() <= now.getTime())).toBe(true);
    // Children with a curative plan: refusal ≈ 2 %, abandonment ≈ 4.7 % (Mexican cohort), a few suspects.
    const curative = new Set(rows.get('plans')!.filter((r) => r[4] === 'CURATIVE' && pedIds.has(r[1])).map((r) => r[1]));
    const ever = (status: string) => new Set(rows.get('statuses')!.filter((r) => r[2] === status && curative.has(r[1])).map((r) => r[1])).size / curative.size;
    expect(ever('REFUSED')).toBeGreaterThan(0.01);
    expect(ever('REFUSED')).toBeLessThan(0.03);
    expect(ever('ABANDONED')).toBeGreaterThan(0.035);
    expect(ever('ABANDONED')).toBeLessThan(0.06);
    const today = now.getTime() - 6 * 3_600_000;
    const onTreatment = patients.filter((p) => p[16] === 'ON_TREATMENT' && p[22] === true);
    const suspects = onTreatment.filter((p) => {
      const anchor = [p[21], p[17], p[23]].filter(Boolean).sort().pop() as string;
      return Date.parse(anchor) <= today - 28 * 86_400_000;
    });
    expect(suspects.length).toBeGreaterThan(20);
    expect(suspects.length / onTreatment.length).toBeLessThan(0.1);
  });
});

describe(`demo registry in the database (${TEST_DEMO_PATIENTS} patients)`, () => {
  it('loads the test scale, and every registration is one REGISTER tally event that reconciles per unit', async () => {
    expect(Number((await one<{ n: number }>('SELECT count(*)::int AS n FROM patients')).n)).toBe(TEST_DEMO_PATIENTS);
    const reg = await one<{ n: number }>(`SELECT count(*)::int AS n FROM registry_tally_events WHERE reason = 'REGISTER'`);
    expect(reg.n).toBe(TEST_DEMO_PATIENTS);
    const mismatched = await q(
      `WITH t AS (SELECT unit_id, sum(delta)::int AS n, (sum(delta) FILTER (WHERE pediatric))::int AS ped FROM registry_tally_events GROUP BY unit_id),
            p AS (SELECT unit_id, count(*)::int AS n, (count(*) FILTER (WHERE pediatric))::int AS ped FROM patients WHERE merged_into IS NULL GROUP BY unit_id)
       SELECT * FROM t FULL JOIN p USING (unit_id) WHERE t.n IS DISTINCT FROM p.n OR coalesce(t.ped, 0) IS DISTINCT FROM coalesce(p.ped, 0)`,
    );
    expect(mismatched).toEqual([]);
  });

  it('no row is an orphan (the load skips foreign-key triggers, so this checks what they would have)', async () => {
    const children = ['patient_guardians', 'patient_consents', 'patient_transfers', 'diagnoses', 'treatment_plans', 'treatment_cycles', 'chemo_administrations',
      'measurements', 'other_treatments', 'treatment_status_history', 'follow_ups', 'complications', 'registry_tally_events'];
    const parts = children.map((c) => `SELECT '${c}' AS t, count(*)::int AS n FROM ${c} x WHERE NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = x.patient_id)`);
    parts.push(`SELECT 'cycles→plans', count(*)::int FROM treatment_cycles c WHERE NOT EXISTS (SELECT 1 FROM treatment_plans p WHERE p.id = c.plan_id)`);
    parts.push(`SELECT 'cycles→previous', count(*)::int FROM treatment_cycles c WHERE c.previous_cycle_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM treatment_cycles p WHERE p.id = c.previous_cycle_id)`);
    parts.push(`SELECT 'administrations→cycles', count(*)::int FROM chemo_administrations a WHERE NOT EXISTS (SELECT 1 FROM treatment_cycles c WHERE c.id = a.cycle_id)`);
    parts.push(`SELECT 'plans→diagnoses', count(*)::int FROM treatment_plans pl WHERE NOT EXISTS (SELECT 1 FROM diagnoses d WHERE d.id = pl.diagnosis_id)`);
    parts.push(`SELECT 'units', count(*)::int FROM patients p WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.id = p.unit_id)`);
    parts.push(`SELECT 'registrars', count(*)::int FROM patients p WHERE p.registered_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = p.registered_by)`);
    const orphans = (await q<{ t: string; n: number }>(parts.join(' UNION ALL '))).filter((r) => r.n > 0);
    expect(orphans).toEqual([]);
  });

  it('every CURP is valid, unique and matches birth date and sex; every NSS has its check digit; phones are 52 + 10 digits', async () => {
    const rows = await q<{ curp: string; nss: string | null; birthDate: string; sex: 'H' | 'M' }>(
      `SELECT curp, nss, to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex FROM patients`,
    );
    expect(new Set(rows.map((r) => r.curp)).size).toBe(rows.length);
    for (const r of rows) {
      const c = checkCurp(r.curp);
      expect(c.ok, r.curp).toBe(true);
      if (c.ok) expect(curpMismatches(c.info, r)).toEqual([]);
      if (r.nss) expect(checkNss(r.nss).ok).toBe(true);
    }
    expect(rows.filter((r) => r.nss).length / rows.length).toBeGreaterThan(0.7);
    const phones = await q<{ phone: string }>('SELECT phone FROM patient_guardians WHERE phone IS NOT NULL');
    expect(phones.length).toBeGreaterThan(TEST_DEMO_PATIENTS * 0.5);
    expect(phones.every((p) => /^52\d{10}$/.test(p.phone))).toBe(true);
    const pedWithoutGuardian = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM patients p WHERE pediatric AND NOT EXISTS (SELECT 1 FROM patient_guardians g WHERE g.patient_id = p.id)`,
    );
    expect(pedWithoutGuardian.n).toBe(0);
  });

  it('pediatric ≈ 45 %, the flag is age < 18 at the first diagnosis, and the pediatric case mix is leukaemia ≈ 49 %, CNS ≈ 12 %, lymphoma ≈ 10 %', async () => {
    const s = await one<{ n: number; ped: number; wrong: number }>(
      `SELECT count(*)::int AS n, (count(*) FILTER (WHERE pediatric))::int AS ped,
         (count(*) FILTER (WHERE pediatric <> (extract(year FROM age(coalesce(d.diagnosis_date, (p.registered_at AT TIME ZONE 'America/Mexico_City')::date), p.birth_date)) < 18)))::int AS wrong
       FROM patients p LEFT JOIN diagnoses d ON d.patient_id = p.id AND d.sequence = 1`,
    );
    expect(s.wrong).toBe(0);
    expect(s.ped / s.n).toBeGreaterThan(0.4);
    expect(s.ped / s.n).toBeLessThan(0.5);
    const mix = await q<{ g: string | null; n: number }>(
      `SELECT d.iccc_group AS g, count(*)::int AS n FROM diagnoses d JOIN patients p ON p.id = d.patient_id WHERE p.pediatric GROUP BY 1`,
    );
    const total = mix.reduce((a, r) => a + r.n, 0);
    const share = (g: string) => (mix.find((r) => r.g === g)?.n ?? 0) / total;
    expect(mix.find((r) => r.g === null)).toBeUndefined();
    expect(share('I')).toBeGreaterThan(0.43);
    expect(share('I')).toBeLessThan(0.55);
    expect(share('III')).toBeGreaterThan(0.08);
    expect(share('III')).toBeLessThan(0.16);
    expect(share('II')).toBeGreaterThan(0.06);
    expect(share('II')).toBeLessThan(0.14);
  });

  it('summary columns are what the rows say: status and date, death, last treatment and contact, curative intent, tracing', async () => {
    const bad = await q(
      `WITH cur AS (
         SELECT DISTINCT ON (patient_id) patient_id, status, since FROM treatment_status_history
         ORDER BY patient_id, (status = 'NEW'), since DESC, created_at DESC, id DESC),
       tx AS (
         SELECT patient_id, max(d) AS d FROM (
           SELECT patient_id, start_date AS d FROM treatment_plans
           UNION ALL SELECT patient_id, actual_date FROM treatment_cycles WHERE status = 'GIVEN'
           UNION ALL SELECT patient_id, (administered_at AT TIME ZONE 'America/Mexico_City')::date FROM chemo_administrations
           UNION ALL SELECT patient_id, coalesce(end_date, start_date) FROM other_treatments) x GROUP BY patient_id),
       contact AS (
         SELECT patient_id, max(d) AS d FROM (
           SELECT patient_id, d FROM (SELECT patient_id, max(d) AS d FROM (
             SELECT patient_id, start_date AS d FROM treatment_plans
             UNION ALL SELECT patient_id, actual_date FROM treatment_cycles WHERE status = 'GIVEN'
             UNION ALL SELECT patient_id, coalesce(end_date, start_date) FROM other_treatments) y GROUP BY patient_id) z
           UNION ALL SELECT patient_id, contact_date FROM follow_ups
           UNION ALL SELECT patient_id, measured_on FROM measurements
           UNION ALL SELECT patient_id, (coalesce(triage_at, onset_at) AT TIME ZONE 'America/Mexico_City')::date FROM complications) x GROUP BY patient_id),
       trace AS (SELECT patient_id, max(contact_date) AS d FROM follow_ups WHERE kind = 'ABANDONMENT_TRACE' GROUP BY patient_id),
       cure AS (SELECT DISTINCT patient_id FROM treatment_plans WHERE intent = 'CURATIVE')
       SELECT p.id, p.treatment_status, cur.status, p.status_since, cur.since, p.vital_status, p.death_date, p.last_treatment_on, tx.d AS tx,
              p.last_contact_on, contact.d AS contact, p.curative_intent, p.trace_reason_on, trace.d AS trace
       FROM patients p JOIN cur ON cur.patient_id = p.id
         LEFT JOIN tx ON tx.patient_id = p.id LEFT JOIN contact ON contact.patient_id = p.id
         LEFT JOIN trace ON trace.patient_id = p.id LEFT JOIN cure ON cure.patient_id = p.id
       WHERE p.treatment_status <> cur.status OR p.status_since <> cur.since
          OR (p.vital_status = 'DECEASED') <> (p.death_date IS NOT NULL) OR (p.treatment_status = 'DECEASED') <> (p.vital_status = 'DECEASED')
          OR p.last_treatment_on IS DISTINCT FROM tx.d OR p.last_contact_on IS DISTINCT FROM contact.d
          OR p.curative_intent <> (cure.patient_id IS NOT NULL) OR p.trace_reason_on IS DISTINCT FROM trace.d`,
    );
    expect(bad).toEqual([]);
    expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM patients p WHERE NOT EXISTS (SELECT 1 FROM treatment_status_history h WHERE h.patient_id = p.id)')).n).toBe(0);
  });

  it('dates are coherent: diagnosis before registration, cycles after diagnosis, nothing after today or after a death', async () => {
    const today = (await one<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'America/Mexico_City')::date, 'YYYY-MM-DD') AS d`)).d;
    const bad = await one<{ dx: number; cyc: number; future: number; afterDeath: number; birth: number }>(
      `SELECT
         (SELECT count(*) FROM diagnoses d JOIN patients p ON p.id = d.patient_id WHERE d.diagnosis_date > (p.registered_at AT TIME ZONE 'America/Mexico_City')::date)::int AS dx,
         (SELECT count(*) FROM treatment_cycles c JOIN diagnoses d ON d.patient_id = c.patient_id WHERE c.planned_date < d.diagnosis_date OR c.actual_date < d.diagnosis_date)::int AS cyc,
         (SELECT count(*) FROM treatment_cycles WHERE actual_date > $1::date)::int
           + (SELECT count(*) FROM follow_ups WHERE contact_date > $1::date)::int
           + (SELECT count(*) FROM treatment_status_history WHERE since > $1::date)::int
           + (SELECT count(*) FROM patients WHERE registered_at > now())::int AS future,
         (SELECT count(*) FROM patients p JOIN follow_ups f ON f.patient_id = p.id WHERE f.contact_date > p.death_date)::int
           + (SELECT count(*) FROM patients p JOIN treatment_cycles c ON c.patient_id = p.id WHERE c.actual_date > p.death_date)::int
           + (SELECT count(*) FROM patients p JOIN measurements m ON m.patient_id = p.id WHERE m.measured_on > p.death_date)::int AS "afterDeath",
         (SELECT count(*) FROM diagnoses d JOIN patients p ON p.id = d.patient_id WHERE d.diagnosis_date < p.birth_date)::int AS birth`,
      [today],
    );
    expect(bad).toEqual({ dx: 0, cyc: 0, future: 0, afterDeath: 0, birth: 0 });
  });

  it('a year of weekly snapshots that add up to the registry, a partial national progress, and the dashboards of the last cut-off', async () => {
    const weeks = await one<{ n: number }>('SELECT count(DISTINCT cutoff)::int AS n FROM registry_weekly_snapshots');
    expect(weeks.n).toBeGreaterThanOrEqual(52);
    const cutoff = weekCutoffAtOrBefore(new Date());
    const last = await one<{ registered: number; expected: number }>(
      'SELECT sum(registered)::int AS registered, sum(expected)::int AS expected FROM registry_weekly_snapshots WHERE cutoff = $1',
      [cutoff.toISOString()],
    );
    const since = await one<{ n: number }>('SELECT coalesce(sum(delta), 0)::int AS n FROM registry_tally_events WHERE at >= $1', [cutoff.toISOString()]);
    expect(last.registered + since.n).toBe(TEST_DEMO_PATIENTS);
    const progress = (last.registered + since.n) / last.expected;
    expect(progress).toBeGreaterThan(0.55);
    expect(progress).toBeLessThan(0.9);
    const units = await q<{ pct: number }>(
      `SELECT (s.registered::float / nullif(s.expected, 0)) AS pct FROM registry_weekly_snapshots s WHERE cutoff = $1`,
      [cutoff.toISOString()],
    );
    expect(units.filter((u) => u.pct >= 1).length).toBeGreaterThanOrEqual(2);
    expect(units.filter((u) => u.pct < 0.5).length).toBeGreaterThanOrEqual(3);
    expect((await one<{ n: number }>('SELECT count(DISTINCT unit_id)::int AS n FROM unit_census WHERE effective_from < (SELECT max(effective_from) FROM unit_census)')).n).toBeGreaterThan(0);
    const trainings = await one<{ units: number; inPerson: number; recent: number }>(
      `SELECT count(DISTINCT unit_id)::int AS units, (count(*) FILTER (WHERE modality = 'IN_PERSON' AND trained_on < '2022-01-01'))::int AS "inPerson",
         (count(*) FILTER (WHERE trained_on > now() - interval '1 year'))::int AS recent FROM unit_trainings`,
    );
    expect(trainings.units).toBe(47);
    expect(trainings.inPerson).toBeGreaterThanOrEqual(27);
    expect(trainings.recent).toBeGreaterThanOrEqual(47);
    const dash = await one<{ payload: { timeToTreatment: { percentWithin3Days: number }; caseMix: { denominator: number } } }>(
      `SELECT payload FROM registry_dashboard_snapshots WHERE scope = 'national' AND cutoff = $1`,
      [cutoff.toISOString()],
    );
    expect(dash.payload.caseMix.denominator).toBeGreaterThan(TEST_DEMO_PATIENTS * 0.9);
    // Children ~9/10 (IMSS), adults ~7/10: all together about 8/10.
    expect(dash.payload.timeToTreatment.percentWithin3Days).toBeGreaterThan(70);
  });

  it('has what the worklists and the KPIs need: refusals, abandonments, suspects, overdue cycles, febrile neutropenia with antibiotic times', async () => {
    const s = await one<{ refused: number; abandoned: number; suspects: number; overdue: number; fn: number; golden: number; deceased: number }>(
      `SELECT
         (SELECT count(DISTINCT patient_id) FROM treatment_status_history WHERE status = 'REFUSED')::int AS refused,
         (SELECT count(DISTINCT patient_id) FROM treatment_status_history WHERE status = 'ABANDONED')::int AS abandoned,
         (SELECT count(*) FROM patients WHERE curative_intent AND treatment_status = 'ON_TREATMENT'
            AND greatest(last_treatment_on, status_since, trace_reason_on) <= (now() AT TIME ZONE 'America/Mexico_City')::date - 28)::int AS suspects,
         (SELECT count(*) FROM treatment_cycles WHERE status IN ('PLANNED', 'DELAYED') AND planned_date < (now() AT TIME ZONE 'America/Mexico_City')::date)::int AS overdue,
         (SELECT count(*) FROM complications WHERE kind = 'FEBRILE_NEUTROPENIA' AND triage_at IS NOT NULL AND antibiotic_at > triage_at)::int AS fn,
         (SELECT count(*) FROM complications WHERE kind = 'FEBRILE_NEUTROPENIA' AND antibiotic_at - triage_at <= interval '60 minutes')::int AS golden,
         (SELECT count(*) FROM patients WHERE vital_status = 'DECEASED')::int AS deceased`,
    );
    expect(s.refused).toBeGreaterThanOrEqual(1);
    expect(s.abandoned).toBeGreaterThanOrEqual(3);
    expect(s.suspects).toBeGreaterThanOrEqual(1);
    expect(s.overdue).toBeGreaterThanOrEqual(3);
    expect(s.fn).toBeGreaterThanOrEqual(10);
    expect(s.golden / s.fn).toBeGreaterThan(0.5);
    expect(s.deceased).toBeGreaterThanOrEqual(5);
    const ttt = await one<{ n: number; fast: number }>(
      `WITH f AS (SELECT patient_id, min(d) AS d FROM (SELECT patient_id, actual_date AS d FROM treatment_cycles WHERE actual_date IS NOT NULL
                   UNION ALL SELECT patient_id, start_date FROM other_treatments) x GROUP BY patient_id)
       SELECT count(*)::int AS n, (count(*) FILTER (WHERE f.d - d.diagnosis_date < 3))::int AS fast
       FROM f JOIN diagnoses d ON d.patient_id = f.patient_id JOIN patients p ON p.id = f.patient_id WHERE p.pediatric`,
    );
    expect(ttt.fast / ttt.n).toBeGreaterThan(0.85);
  });
});
