import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { DEFAULT_DEMO_SEED } from './generate-demo-data.ts';
import { generateMeetings, type MeetingsUnit } from './generate-meetings.ts';
import { demoId } from './ids.ts';
import { SEED_004_CASES } from './meetings-data.ts';
import { DEMO_UNITS } from './units-data.ts';

let t: TestApp;
const q = async <R = Record<string, unknown>>(text: string, values: unknown[] = []) => (await t.services.db.execute<R>(text, values)).rows;
const one = async <R = Record<string, unknown>>(text: string, values: unknown[] = []) => (await q<R>(text, values))[0]!;
const MX = `'America/Mexico_City'`;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** Personal names of the officials the seeds list (the demo shows them by role only). */
const SEED_OFFICIAL_SURNAMES = [
  'Robledo', 'Careaga', 'Velázquez', 'Obrador', 'Borja', 'Pedrero', 'Arizmendi', 'Méndez Santa Cruz', 'Jaqueline', 'García Romero', 'Coutiño',
  'Reyes Miguel', 'López Aguilar', 'Cárdenas Navarrete', 'Duque', 'Borsalino', 'Favela', 'Maldonado', 'Quezada', 'Mejía', 'Benítez Arvizu', 'Zepeda',
  'Razú', 'Lagunas', 'Bonilla', 'Melgar', 'Ponce de León', 'Paz Solís', 'Velasco Ruiz', 'Barrios Nava',
];

describe('demo meetings: meeting 19 is seed 004', () => {
  it('was held on Thursday 21 January 2021 at 18:00 Mexico City, virtually on Webex, from 18:00 to 19:25, with the minute\'s agenda', async () => {
    const m = await one<{ at: string; dow: number; status: string; modality: string; platform: string; started: string; ended: string; agenda: unknown }>(
      `SELECT to_char(scheduled_at AT TIME ZONE ${MX}, 'YYYY-MM-DD HH24:MI') AS at, extract(isodow FROM scheduled_at AT TIME ZONE ${MX})::int AS dow,
              status, modality, platform, to_char(started_at AT TIME ZONE ${MX}, 'HH24:MI') AS started, to_char(ended_at AT TIME ZONE ${MX}, 'HH24:MI') AS ended, agenda
       FROM meetings WHERE number = 19`,
    );
    expect(m).toMatchObject({ at: '2021-01-21 18:00', dow: 4, status: 'CLOSED', modality: 'VIRTUAL', platform: 'Webex', started: '18:00', ended: '19:25' });
    const agenda = (typeof m.agenda === 'string' ? JSON.parse(m.agenda) : m.agenda) as { title: string; notes: string }[];
    expect(agenda.map((a) => a.title)).toEqual([
      'Bienvenida y presentación de asistentes', 'Inauguración Onco-IMSS', 'Metodología de trabajo', 'Revisión de abasto general', 'Seguimiento de acuerdos',
      'Seguimiento de casos de trasplantes referidos a Teletón - HITO', 'Revisión de casos específicos', 'Asuntos generales', 'Lectura de acuerdos', 'Cierre de sesión',
    ]);
    expect(agenda[0]!.notes).toContain('El Director General dio la bienvenida');
    expect(agenda[3]!.notes).toContain('773 mil 617');
    expect(agenda.at(-1)!.notes).toBe('Fin de la sesión: 19:25 hrs.');
  });

  it('had the 14 officials of the minute, by role, and eight families from La Raza, Siglo XXI, Tijuana and Cd. Obregón', async () => {
    const officials = await q<{ name: string }>(
      `SELECT a.name FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id WHERE m.number = 19 AND a.kind = 'OFFICIAL' ORDER BY a.name`,
    );
    expect(officials).toHaveLength(14);
    expect(officials.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Director General', 'Coordinador Nacional de Oncología', 'Director del Hospital General CMN La Raza', 'Directora del Hospital de Pediatría CMN Siglo XXI', 'Coordinador de Control de Abasto']),
    );
    const families = await q<{ clues: string; n: number }>(
      `SELECT u.clues, count(*)::int AS n FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id JOIN units u ON u.id = a.unit_id
       WHERE m.number = 19 AND a.kind = 'FAMILY' GROUP BY u.clues ORDER BY u.clues`,
    );
    expect(Object.fromEntries(families.map((f) => [f.clues, f.n]))).toEqual({ BCIMS000044: 1, DFIMS000061: 5, DFIMS000616: 1, SRIMS000091: 1 });
  });

  it('reviewed the ten casos específicos of seed 004: codes, categories, titles and what each responsible reported', async () => {
    const rows = await q<{ code: string; category: string; title: string; text: string; entryDate: string; reporter: string; responsible: string; meetingNumber: number }>(
      `SELECT c.code, c.category, c.title, u.text, u.entry_date::text AS "entryDate", o.name AS reporter, r.name AS responsible, c.meeting_number AS "meetingNumber"
       FROM case_updates u JOIN meetings m ON m.id = u.meeting_id JOIN cases c ON c.id = u.case_id
       LEFT JOIN officials o ON o.id = u.official_id LEFT JOIN officials r ON r.id = c.responsible_official_id
       WHERE m.number = 19 ORDER BY c.sequence`,
    );
    expect(rows.map((r) => r.code)).toEqual(['2.7', '3.11', '4.13', '11.31', '18.55', '18.56', '19.58', '19.59', '19.60', '19.61']);
    expect(rows.every((r) => r.entryDate === '2021-01-21')).toBe(true);
    for (const seed of SEED_004_CASES) {
      const row = rows.find((r) => r.code === seed.code)!;
      const inMeeting19 = seed.updates.find((u) => u.meeting === 19)!;
      expect(row).toMatchObject({ category: seed.category, title: seed.title, text: inMeeting19.text, meetingNumber: Number(seed.code.split('.')[0]) });
      expect(row.reporter).toBeTruthy();
      expect(row.responsible).toBeTruthy();
    }
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode['19.60']).toMatchObject({ title: 'Falta prednisona', text: 'El medicamento fue abastecido.', reporter: 'Director de Administración', responsible: 'Coordinador de Control de Abasto' });
    expect(byCode['11.31']).toMatchObject({ title: 'Cita por Estomatología', text: 'Se otorgó cita el día 18 de enero.' });
    expect(byCode['3.11']!.reporter).toBe('Director del Hospital General CMN La Raza');
    // 11.31 and 19.60 were reported resolved in the meeting; the history goes on in later meetings.
    const resolved = await q<{ code: string }>(
      `SELECT c.code FROM case_updates u JOIN meetings m ON m.id = u.meeting_id JOIN cases c ON c.id = u.case_id WHERE m.number = 19 AND u.status_to = 'RESOLVED' ORDER BY c.sequence`,
    );
    expect(resolved.map((r) => r.code)).toEqual(['11.31', '19.60']);
    const later = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM case_updates u JOIN meetings m ON m.id = u.meeting_id JOIN cases c ON c.id = u.case_id
       WHERE m.number > 19 AND c.code IN ('2.7', '3.11', '4.13', '19.58', '19.61')`,
    );
    expect(later.n).toBeGreaterThanOrEqual(5);
  });

  it('adopted the two agreements of seed 004, with responsibles and follow-up in later meetings', async () => {
    const rows = await q<{ ordinal: number; text: string; responsible: string; status: string; followUps: number; firstFollowUp: number }>(
      `SELECT a.ordinal, a.text, o.name AS responsible, a.status,
              (SELECT count(*)::int FROM agreement_updates u WHERE u.agreement_id = a.id) AS "followUps",
              (SELECT min(um.number) FROM agreement_updates u JOIN meetings um ON um.id = u.meeting_id WHERE u.agreement_id = a.id) AS "firstFollowUp"
       FROM agreements a JOIN meetings m ON m.id = a.meeting_id LEFT JOIN officials o ON o.id = a.responsible_official_id
       WHERE m.number = 19 ORDER BY a.ordinal`,
    );
    expect(rows.map((r) => r.text)).toEqual([
      'Se dará seguimiento para que todas las Unidades Médicas que atienden pacientes oncológicos pediátricos que no han concluido con el 100% de registros en la plataforma lo hagan a la brevedad.',
      'Se dará seguimiento al tema de la rotación de personal en CMN La Raza.',
    ]);
    expect(rows[1]!.responsible).toBe('Director del Hospital General CMN La Raza');
    for (const r of rows) {
      expect(r.followUps).toBeGreaterThanOrEqual(2);
      expect(r.firstFollowUp).toBe(20);
      expect(r.status).toBe('DONE');
    }
  });
});

describe('demo meetings: the record', () => {
  it('meetings 1–62 were held weekly, Thursdays 18:00 Mexico City from 17 September 2020, and are closed; 63 is planned on the next Thursday', async () => {
    const rows = await q<{ number: number; d: string; hm: string; dow: number; status: string; ok: boolean }>(
      `SELECT number, to_char(scheduled_at AT TIME ZONE ${MX}, 'YYYY-MM-DD') AS d, to_char(scheduled_at AT TIME ZONE ${MX}, 'HH24:MI') AS hm,
              extract(isodow FROM scheduled_at AT TIME ZONE ${MX})::int AS dow, status,
              (cases_deadline < scheduled_at AND (started_at IS NULL) = (status = 'PLANNED')) AS ok
       FROM meetings ORDER BY number`,
    );
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
    const first = Date.UTC(2020, 8, 17);
    for (const r of rows) {
      expect(r.hm).toBe('18:00');
      expect(r.dow).toBe(4);
      expect(r.ok).toBe(true);
      if (r.number <= 62) {
        expect(r.status).toBe('CLOSED');
        expect(r.d).toBe(new Date(first + (r.number - 1) * 7 * 86_400_000).toISOString().slice(0, 10));
      }
    }
    expect(Object.fromEntries(rows.filter((r) => [18, 19, 44, 46, 49].includes(r.number)).map((r) => [r.number, r.d]))).toEqual({
      18: '2021-01-14', 19: '2021-01-21', 44: '2021-07-15', 46: '2021-07-29', 49: '2021-08-19',
    });
    const planned = await one<{ status: string; ahead: boolean; notes: string }>(
      `SELECT status, (scheduled_at > now() AND scheduled_at <= now() + interval '7 days') AS ahead, agenda->0->>'notes' AS notes FROM meetings WHERE number = 63`,
    );
    expect(planned).toEqual({ status: 'PLANNED', ahead: true, notes: '' });
  });

  it('closed meetings have 8–14 officials and 4–12 families; every closed meeting has 1–3 agreements and a filled agenda', async () => {
    const rows = await q<{ number: number; officials: number; families: number; agreements: number; empty: number }>(
      `SELECT m.number,
              (SELECT count(*)::int FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.kind = 'OFFICIAL') AS officials,
              (SELECT count(*)::int FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.kind = 'FAMILY') AS families,
              (SELECT count(*)::int FROM agreements g WHERE g.meeting_id = m.id) AS agreements,
              (SELECT count(*)::int FROM jsonb_array_elements(m.agenda) e WHERE e->>'notes' = '') AS empty
       FROM meetings m WHERE m.status = 'CLOSED' ORDER BY m.number`,
    );
    expect(rows).toHaveLength(62);
    for (const r of rows) {
      expect(r.officials).toBeGreaterThanOrEqual(8);
      expect(r.officials).toBeLessThanOrEqual(14);
      expect(r.families).toBeGreaterThanOrEqual(4);
      expect(r.families).toBeLessThanOrEqual(12);
      expect(r.agreements).toBeGreaterThanOrEqual(1);
      expect(r.agreements).toBeLessThanOrEqual(3);
      expect(r.empty).toBe(0);
    }
    const late = await one<{ n: number }>(`SELECT count(*)::int AS n FROM meeting_attendees WHERE late`);
    expect(late.n).toBeGreaterThan(0);
  });

  it('case codes are unique and consistent with their meeting; the sequence is gap-free, grows with the meetings and ends at case_sequence.last', async () => {
    const s = await one<{ coded: number; codes: number; seqs: number; min: number; max: number; last: number; bad: number; waitingWithCode: number }>(
      `SELECT count(*) FILTER (WHERE code IS NOT NULL)::int AS coded, count(DISTINCT code)::int AS codes, count(DISTINCT sequence)::int AS seqs,
              min(sequence) AS min, max(sequence) AS max, (SELECT last FROM case_sequence WHERE id = 1) AS last,
              count(*) FILTER (WHERE code IS NOT NULL AND (code <> meeting_number || '.' || sequence
                 OR meeting_number <> (SELECT m.number FROM meetings m WHERE m.id = cases.meeting_id)))::int AS bad,
              count(*) FILTER (WHERE meeting_id IS NULL AND (code IS NOT NULL OR sequence IS NOT NULL))::int AS "waitingWithCode"
       FROM cases`,
    );
    expect(s.coded).toBeGreaterThan(200);
    expect(s).toMatchObject({ codes: s.coded, seqs: s.coded, min: 1, max: s.coded, last: s.coded, bad: 0, waitingWithCode: 0 });
    const order = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT meeting_number, min(sequence) AS lo, max(sequence) AS hi,
              lag(max(sequence)) OVER (ORDER BY meeting_number) AS prev FROM cases WHERE code IS NOT NULL GROUP BY meeting_number) x
       WHERE x.prev IS NOT NULL AND x.lo <> x.prev + 1`,
    );
    expect(order.n).toBe(0);
    // Waiting cases (received after the planned meeting's deadline) exist only when "now" is past that Tuesday.
    const w = await one<{ waiting: number; pastDeadline: boolean; inPlanned: number }>(
      `SELECT (SELECT count(*)::int FROM cases WHERE meeting_id IS NULL) AS waiting, (SELECT now() > cases_deadline FROM meetings WHERE number = 63) AS "pastDeadline",
              (SELECT count(*)::int FROM cases c JOIN meetings m ON m.id = c.meeting_id WHERE m.number = 63 AND c.status = 'RECEIVED') AS "inPlanned"`,
    );
    expect(w.inPlanned).toBeGreaterThanOrEqual(2);
    if (w.pastDeadline) expect(w.waiting).toBeGreaterThanOrEqual(1);
    else expect(w.waiting).toBe(0);
  });

  it('cases cover every category and channel (ChatBot from meeting 10), link registry patients of their own unit, and resolve at different speeds by category', async () => {
    const cats = await q<{ category: string; n: number; median: number | null }>(
      `SELECT category, count(*)::int AS n,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - received_at) / 86400) AS median
       FROM cases GROUP BY category`,
    );
    expect(cats.map((c) => c.category).sort()).toEqual(
      ['APPOINTMENT', 'BONE_MARROW_TRANSPLANT', 'LAB_OR_IMAGING_STUDY', 'MISSING_MEDICATION', 'OTHER', 'PALLIATIVE_CARE', 'SECOND_OPINION', 'STAFF_CONDUCT', 'TREATMENT_FOLLOW_UP'],
    );
    const by = Object.fromEntries(cats.map((c) => [c.category, c]));
    expect(by.MISSING_MEDICATION!.n).toBeGreaterThan(by.PALLIATIVE_CARE!.n);
    expect(Number(by.MISSING_MEDICATION!.median)).toBeLessThan(Number(by.BONE_MARROW_TRANSPLANT!.median));
    const channels = await q<{ channel: string; first: number }>(`SELECT channel, min(meeting_number) AS first FROM cases GROUP BY channel`);
    const ch = Object.fromEntries(channels.map((c) => [c.channel, c.first]));
    expect(Object.keys(ch).sort()).toEqual(['CHATBOT', 'EMAIL', 'MEETING', 'OFFICIAL_LETTER']);
    expect(ch.CHATBOT).toBeGreaterThanOrEqual(10);
    const links = await one<{ linked: number; wrongUnit: number; unnamed: number; units: number }>(
      `SELECT count(*) FILTER (WHERE c.patient_id IS NOT NULL)::int AS linked, count(*) FILTER (WHERE p.unit_id <> c.unit_id)::int AS "wrongUnit",
              count(*) FILTER (WHERE c.patient_id IS NULL AND c.patient_name IS NULL)::int AS unnamed, count(DISTINCT c.unit_id)::int AS units
       FROM cases c LEFT JOIN patients p ON p.id = c.patient_id`,
    );
    expect(links.linked).toBeGreaterThan(0);
    expect(links.wrongUnit).toBe(0);
    expect(links.unnamed).toBe(0);
    expect(links.units).toBeGreaterThan(20);
    const statuses = await q<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM cases GROUP BY status`);
    const st = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(st.CLOSED).toBeGreaterThan(100);
    expect(st.NOT_APPLICABLE).toBeGreaterThan(0);
    expect((st.RECEIVED ?? 0) + (st.IN_FOLLOW_UP ?? 0)).toBeGreaterThanOrEqual(3);
    expect((st.RECEIVED ?? 0) + (st.IN_FOLLOW_UP ?? 0)).toBeLessThan(40);
    const reasons = await one<{ n: number }>(`SELECT count(*)::int AS n FROM cases WHERE status = 'NOT_APPLICABLE' AND status_reason IS NULL`);
    expect(reasons.n).toBe(0);
  });

  it('every case update moves from the status the case had; the last one leaves the case in its status', async () => {
    const bad = await one<{ chain: number; last: number }>(
      `WITH u AS (SELECT case_id, status_from, status_to, lag(status_to) OVER (PARTITION BY case_id ORDER BY id) AS prev,
                         row_number() OVER (PARTITION BY case_id ORDER BY id DESC) AS rn FROM case_updates)
       SELECT count(*) FILTER (WHERE status_from <> coalesce(prev, 'RECEIVED'))::int AS chain,
              count(*) FILTER (WHERE rn = 1 AND status_to <> (SELECT c.status FROM cases c WHERE c.id = u.case_id))::int AS last FROM u`,
    );
    expect(bad).toEqual({ chain: 0, last: 0 });
  });

  it('some agreements are still open and overdue; cancelled ones have a reason', async () => {
    const a = await one<{ overdue: number; cancelledWithoutReason: number; done: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('PENDING', 'IN_PROGRESS') AND (due_meeting_number <= 62 OR due_date < current_date))::int AS overdue,
              count(*) FILTER (WHERE status = 'CANCELLED' AND status_reason IS NULL)::int AS "cancelledWithoutReason",
              count(*) FILTER (WHERE status = 'DONE')::int AS done
       FROM agreements`,
    );
    expect(a.overdue).toBeGreaterThan(0);
    expect(a.cancelledWithoutReason).toBe(0);
    expect(a.done).toBeGreaterThan(50);
  });
});

describe('demo meetings: officials by role', () => {
  it('no official carries a personal name of the seeds; the national oncology coordinator is the `funcionario` account and the hospital directors have their units', async () => {
    const officials = await q<{ name: string; position: string; area: string; username: string | null; clues: string | null }>(
      `SELECT o.name, o.position, o.area, u.username, un.clues FROM officials o LEFT JOIN users u ON u.id = o.user_id LEFT JOIN units un ON un.id = o.unit_id`,
    );
    const printed = await q<{ text: string }>(
      `SELECT name || ' ' || coalesce(position, '') AS text FROM meeting_attendees WHERE kind = 'OFFICIAL'
       UNION ALL SELECT agenda::text FROM meetings UNION ALL SELECT text FROM case_updates UNION ALL SELECT text FROM agreements UNION ALL SELECT text FROM agreement_updates`,
    );
    const all = [...officials.map((o) => `${o.name} ${o.position} ${o.area}`), ...printed.map((p) => p.text)].join('\n');
    for (const surname of SEED_OFFICIAL_SURNAMES) expect(all).not.toContain(surname);
    expect(officials.length).toBeGreaterThanOrEqual(14);
    expect(officials.find((o) => o.username === 'funcionario')?.name).toBe('Coordinador Nacional de Oncología');
    expect(officials.filter((o) => o.username).length).toBe(1);
    expect(officials.find((o) => o.clues === 'DFIMS000061')?.name).toBe('Director del Hospital General CMN La Raza');
    expect(officials.find((o) => o.clues === 'DFIMS000616')?.name).toBe('Directora del Hospital de Pediatría CMN Siglo XXI');
  });

  it('the generated rows reference existing rows (foreign-key triggers were skipped while loading them)', async () => {
    const o = await one<Record<string, number>>(
      `SELECT
        (SELECT count(*)::int FROM cases c WHERE (c.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = c.meeting_id))
           OR NOT EXISTS (SELECT 1 FROM units u WHERE u.id = c.unit_id) OR (c.patient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = c.patient_id))
           OR NOT EXISTS (SELECT 1 FROM officials f WHERE f.id = c.responsible_official_id)
           OR (c.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users x WHERE x.id = c.created_by))) AS cases,
        (SELECT count(*)::int FROM case_updates u WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = u.case_id)
           OR (u.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = u.meeting_id))
           OR (u.official_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM officials f WHERE f.id = u.official_id))
           OR NOT EXISTS (SELECT 1 FROM users x WHERE x.id = u.recorded_by)) AS updates,
        (SELECT count(*)::int FROM meeting_attendees a WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = a.meeting_id)
           OR (a.official_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM officials f WHERE f.id = a.official_id))
           OR (a.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = a.unit_id))
           OR (a.patient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id))) AS attendees,
        (SELECT count(*)::int FROM agreements g WHERE NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = g.meeting_id)
           OR NOT EXISTS (SELECT 1 FROM officials f WHERE f.id = g.responsible_official_id)) AS agreements,
        (SELECT count(*)::int FROM agreement_updates u WHERE NOT EXISTS (SELECT 1 FROM agreements g WHERE g.id = u.agreement_id)
           OR NOT EXISTS (SELECT 1 FROM meetings m WHERE m.id = u.meeting_id)) AS "agreementUpdates",
        (SELECT count(*)::int FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM users x WHERE x.id = m.created_by)) AS meetings`,
    );
    expect(o).toEqual({ cases: 0, updates: 0, attendees: 0, agreements: 0, agreementUpdates: 0, meetings: 0 });
  });
});

describe('demo meetings generator (pure)', () => {
  const seed = 11;
  const units: MeetingsUnit[] = DEMO_UNITS.map((u) => ({ id: demoId(seed, 'unit', u.clues), clues: u.clues, shortName: u.shortName, level: u.level, state: u.state }));
  const userIds = new Map([['coordinacion', demoId(seed, 'user', 'coordinacion')], ['funcionario', demoId(seed, 'user', 'funcionario')]]);
  const run = (now: Date, s = seed) => generateMeetings({ seed: s, now, id: (k, key) => demoId(s, k, key), units, userIds });

  it('is deterministic: the same seed and "now" give the same rows and ids; another seed another record', () => {
    const now = new Date('2026-03-12T17:00:00Z');
    const a = run(now);
    const b = run(now);
    expect(JSON.stringify(b.rows)).toBe(JSON.stringify(a.rows));
    const c = run(now, 12);
    expect(c.rows.cases.map((r) => r[8])).not.toEqual(a.rows.cases.map((r) => r[8]));
  });

  it('the loaded demo has the ids of its seed', async () => {
    const m = await one<{ id: string }>(`SELECT id FROM meetings WHERE number = 19`);
    expect(m.id).toBe(demoId(DEFAULT_DEMO_SEED, 'meeting', '19'));
    const c = await one<{ id: string }>(`SELECT id FROM cases WHERE code = '19.61'`);
    expect(c.id).toBe(demoId(DEFAULT_DEMO_SEED, 'case', '61'));
    const f = await one<{ id: string }>(`SELECT id FROM officials WHERE name = 'Coordinador Nacional de Oncología'`);
    expect(f.id).toBe(demoId(DEFAULT_DEMO_SEED, 'official', 'cno'));
  });

  it('plans meeting 63 on the next Thursday: cases after its Tuesday deadline wait without a code', () => {
    // Thursday 12 March 2026, 11:00 Mexico City: the deadline (Tuesday 10th) has passed.
    const thursday = run(new Date('2026-03-12T17:00:00Z'));
    const planned = thursday.rows.meetings.at(-1)!;
    expect(planned[1]).toBe(63);
    expect((planned[2] as Date).toISOString()).toBe('2026-03-13T00:00:00.000Z');
    const waiting = thursday.rows.cases.filter((c) => c[1] === null);
    expect(waiting.length).toBeGreaterThanOrEqual(1);
    expect(waiting.every((c) => c[4] === null && c[3] === null && (c[5] as Date) > (planned[10] as Date))).toBe(true);
    // Friday 13 March: the next meeting is on the 19th and its deadline is ahead: nothing waits.
    const friday = run(new Date('2026-03-13T17:00:00Z'));
    expect((friday.rows.meetings.at(-1)![2] as Date).toISOString()).toBe('2026-03-20T00:00:00.000Z');
    expect(friday.rows.cases.filter((c) => c[1] === null)).toHaveLength(0);
    expect(friday.rows.cases.filter((c) => c[2] === 63).length).toBeGreaterThanOrEqual(2);
  });
});
