import { eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type LoggedIn, type TestApp } from '../../testing/harness.ts';
import { unitIdByClues } from '../../testing/registry-fixtures.ts';
import { agreements, caseUpdates, cases, meetings, officials, type CaseCategory, type CaseStatus } from '../meetings/schema.ts';
import type { MeetingFigures } from './figures-schemas.ts';

/**
 * A small known history in meetings 900–903 (far above the demo's numbers, so the demo does not
 * move the figures): seven cases in two hospitals, their updates and six agreements.
 *
 *   case  unit       category            taken in  updates (meeting: from → to)                 days to resolution
 *   c1    Siglo XXI  MISSING_MEDICATION  900       900 R→F, 901 F→RESOLVED                       10
 *   c2    Siglo XXI  MISSING_MEDICATION  900       903 R→RESOLVED                                24
 *   c3    La Raza    APPOINTMENT         900       900 R→F                                       open
 *   c4    La Raza    APPOINTMENT         900       (none: not attended)                          open
 *   c5    Siglo XXI  APPOINTMENT         901       901 R→RESOLVED                                3
 *   c6    La Raza    MISSING_MEDICATION  901       902 R→F, 903 F→RESOLVED, 903 RESOLVED→CLOSED  17
 *   c7    Siglo XXI  OTHER               902       902 R→NOT_APPLICABLE                          —
 */
let t: TestApp;
let coord: LoggedIn;
let medico: LoggedIn;
let tutor: LoggedIn;
let funcionario: LoggedIn;
let sigloXXI: string;
let raza: string;

const MEETING_DATES = { 900: '2020-01-03', 901: '2020-01-10', 902: '2020-01-17', 903: '2020-01-24' } as const; // UTC day after each Thursday
type MeetingNo = keyof typeof MEETING_DATES;
/** Thursday 18:00 in Mexico City (UTC−6 in January) = 00:00 UTC the next day. */
const thursday = (n: MeetingNo) => new Date(`${MEETING_DATES[n]}T00:00:00.000Z`);
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

beforeAll(async () => {
  t = await createTestApp();
  [coord, medico, tutor, funcionario] = await Promise.all([login(t.app, 'coordinacion'), login(t.app, 'medico'), login(t.app, 'tutor'), login(t.app, 'funcionario')]);
  [sigloXXI, raza] = await Promise.all([unitIdByClues(t.app, coord, 'DFIMS000616'), unitIdByClues(t.app, coord, 'DFIMS000061')]);
  await seedHistory();
});
afterAll(async () => {
  await t?.close();
});

async function seedHistory() {
  const db = t.services.db.orm;
  const meetingIds = {} as Record<MeetingNo, string>;
  for (const n of [900, 901, 902, 903] as const) {
    const at = thursday(n);
    const [m] = await db
      .insert(meetings)
      .values({
        number: n,
        scheduledAt: at,
        modality: 'VIRTUAL',
        status: 'CLOSED',
        familiesDeadline: hours(at, -48),
        casesDeadline: hours(at, -48),
        agenda: [],
        startedAt: at,
        endedAt: hours(at, 2),
        closedAt: hours(at, 3),
      })
      .returning({ id: meetings.id });
    meetingIds[n] = m!.id;
  }
  // The official linked to `funcionario` (the demo may already have one).
  let [official] = await db.select({ id: officials.id }).from(officials).where(eq(officials.userId, funcionario.user.id));
  if (!official) {
    [official] = await db
      .insert(officials)
      .values({ name: 'Mtra. Responsable de Prueba', position: 'Titular de área', area: 'DVIED', userId: funcionario.user.id })
      .returning({ id: officials.id });
  }
  const [areaOfficial] = await db.insert(officials).values({ name: 'Lic. Área de Prueba', position: 'Jefatura', area: 'DVIED' }).returning({ id: officials.id });

  let seq = 9_000_000;
  const addCase = async (c: { unit: string; category: CaseCategory; meeting: MeetingNo; received: string; status: CaseStatus; resolved?: string; closed?: string; responsible?: string }) => {
    seq += 1;
    const [row] = await db
      .insert(cases)
      .values({
        meetingId: meetingIds[c.meeting],
        meetingNumber: c.meeting,
        sequence: seq,
        code: `${c.meeting}.${seq}`,
        receivedAt: new Date(c.received),
        channel: 'EMAIL',
        category: c.category,
        title: 'Caso de prueba de cifras',
        unitId: c.unit,
        status: c.status,
        statusReason: c.status === 'NOT_APPLICABLE' ? 'No corresponde al IMSS' : null,
        resolvedAt: c.resolved ? new Date(c.resolved) : null,
        closedAt: c.closed ? new Date(c.closed) : null,
        responsibleOfficialId: c.responsible ?? null,
      })
      .returning({ id: cases.id });
    return row!.id;
  };
  const update = (caseId: string, meeting: MeetingNo, statusFrom: CaseStatus, statusTo: CaseStatus) =>
    db.insert(caseUpdates).values({ caseId, meetingId: meetingIds[meeting], entryDate: MEETING_DATES[meeting], text: 'Seguimiento', statusFrom, statusTo });

  const c1 = await addCase({ unit: sigloXXI, category: 'MISSING_MEDICATION', meeting: 900, received: '2019-12-31T00:00:00Z', status: 'RESOLVED', resolved: '2020-01-10T00:00:00Z' });
  const c2 = await addCase({ unit: sigloXXI, category: 'MISSING_MEDICATION', meeting: 900, received: '2019-12-31T00:00:00Z', status: 'RESOLVED', resolved: '2020-01-24T00:00:00Z' });
  const c3 = await addCase({ unit: raza, category: 'APPOINTMENT', meeting: 900, received: '2019-12-31T00:00:00Z', status: 'IN_FOLLOW_UP' });
  await addCase({ unit: raza, category: 'APPOINTMENT', meeting: 900, received: '2019-12-31T00:00:00Z', status: 'RECEIVED' });
  const c5 = await addCase({ unit: sigloXXI, category: 'APPOINTMENT', meeting: 901, received: '2020-01-07T00:00:00Z', status: 'RESOLVED', resolved: '2020-01-10T00:00:00Z', responsible: official!.id });
  const c6 = await addCase({
    unit: raza,
    category: 'MISSING_MEDICATION',
    meeting: 901,
    received: '2020-01-07T00:00:00Z',
    status: 'CLOSED',
    resolved: '2020-01-24T00:00:00Z',
    closed: '2020-01-24T01:00:00Z',
    responsible: official!.id,
  });
  const c7 = await addCase({ unit: sigloXXI, category: 'OTHER', meeting: 902, received: '2020-01-14T00:00:00Z', status: 'NOT_APPLICABLE' });
  await update(c1, 900, 'RECEIVED', 'IN_FOLLOW_UP');
  await update(c1, 901, 'IN_FOLLOW_UP', 'RESOLVED');
  await update(c2, 903, 'RECEIVED', 'RESOLVED');
  await update(c3, 900, 'RECEIVED', 'IN_FOLLOW_UP');
  await update(c5, 901, 'RECEIVED', 'RESOLVED');
  await update(c6, 902, 'RECEIVED', 'IN_FOLLOW_UP');
  await update(c6, 903, 'IN_FOLLOW_UP', 'RESOLVED');
  await update(c6, 903, 'RESOLVED', 'CLOSED');
  await update(c7, 902, 'RECEIVED', 'NOT_APPLICABLE');

  const addAgreement = (a: {
    meeting: MeetingNo;
    ordinal: number;
    area?: string;
    official?: string;
    dueDate?: string;
    dueMeeting?: number;
    status: 'PENDING' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
    completed?: string;
  }) =>
    db.insert(agreements).values({
      meetingId: meetingIds[a.meeting],
      ordinal: a.ordinal,
      text: 'Acuerdo de prueba',
      responsibleArea: a.area ?? null,
      responsibleOfficialId: a.official ?? null,
      dueDate: a.dueDate ?? null,
      dueMeetingNumber: a.dueMeeting ?? null,
      status: a.status,
      completedAt: a.completed ? new Date(a.completed) : null,
    });
  // a1 done before its due date; a2 done after its due meeting (902, 16 Jan); a3 open past its date;
  // a4 open without a deadline; a5 open, due far ahead; a6 cancelled (area from its official).
  await addAgreement({ meeting: 900, ordinal: 1, area: 'DA', dueDate: '2020-01-15', status: 'DONE', completed: '2020-01-09T18:00:00Z' });
  await addAgreement({ meeting: 900, ordinal: 2, area: 'DA', dueMeeting: 902, status: 'DONE', completed: '2020-01-24T01:00:00Z' });
  await addAgreement({ meeting: 901, ordinal: 1, area: 'DPM', dueDate: '2020-02-01', status: 'PENDING' });
  await addAgreement({ meeting: 902, ordinal: 1, area: 'DPM', status: 'IN_PROGRESS' });
  await addAgreement({ meeting: 903, ordinal: 1, area: 'DPM', dueDate: '2999-01-01', status: 'PENDING' });
  await addAgreement({ meeting: 901, ordinal: 2, official: areaOfficial!.id, status: 'CANCELLED', completed: '2020-01-16T20:00:00Z' });
}

const figures = async (who: LoggedIn, query = 'from=900&to=903') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/meetings/figures?${query}`, headers: { cookie: who.cookie } });
  return res;
};
const ok = async (who: LoggedIn, query?: string): Promise<MeetingFigures> => {
  const res = await figures(who, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const perMeeting = (f: MeetingFigures) => f.perMeeting.map((p) => [p.number, p.received, p.reviewed, p.resolved]);

describe('meeting figures (coordination: every unit)', () => {
  it('counts per meeting the cases received, reviewed and resolved, and the agreements adopted and open at close', async () => {
    const f = await ok(coord);
    expect(f.range).toEqual({ from: 900, to: 903, meetings: 4, label: 'Reuniones 900 a 903' });
    expect(f.scope.kind).toBe('ALL');
    expect(f.perMeeting.map((p) => p.date)).toEqual(['2020-01-02', '2020-01-09', '2020-01-16', '2020-01-23']);
    // [number, received, reviewed, resolved]: c6's two updates in 903 count once; RESOLVED→CLOSED is not a new resolution.
    expect(perMeeting(f)).toEqual([
      [900, 4, 2, 0],
      [901, 2, 2, 2],
      [902, 1, 2, 0],
      [903, 0, 2, 2],
    ]);
    expect(f.perMeeting.map((p) => p.agreementsAdopted)).toEqual([2, 2, 1, 1]);
    // Open at close counts every earlier meeting's agreements too: the demo's (meetings below 900)
    // add the same number to each of these four, so compare against the first one.
    const openAtClose = f.perMeeting.map((p) => p.agreementsOpenAtClose!);
    const demoOpen = openAtClose[0]! - 2;
    expect(demoOpen).toBeGreaterThanOrEqual(0);
    expect(openAtClose.map((n) => n - demoOpen)).toEqual([2, 3, 3, 3]);
  });

  it('gives median and p90 days from receipt to resolution overall, by category and by hospital, and the open cases apart', async () => {
    const f = await ok(coord);
    const r = f.resolution;
    // Resolved/closed: 3, 10, 17, 24 days.
    expect(r.overall).toMatchObject({ received: 7, n: 4, medianDays: 13.5, p90Days: 21.9, openN: 2 });
    expect(r.overall.openMedianDays).toBeGreaterThan(365);
    const med = r.byCategory.find((c) => c.category === 'MISSING_MEDICATION')!;
    expect(med).toMatchObject({ label: 'Medicamento faltante', received: 3, n: 3, medianDays: 17, openN: 0 });
    const appt = r.byCategory.find((c) => c.category === 'APPOINTMENT')!;
    expect(appt).toMatchObject({ label: 'Cita', received: 3, n: 1, medianDays: 3, openN: 2 });
    expect(r.byCategory.find((c) => c.category === 'OTHER')).toMatchObject({ received: 1, n: 0, medianDays: null, openN: 0 });
    const s = r.byHospital.find((h) => h.unitId === sigloXXI)!;
    const lr = r.byHospital.find((h) => h.unitId === raza)!;
    expect(s).toMatchObject({ received: 4, n: 3, medianDays: 10 });
    expect(lr).toMatchObject({ received: 3, n: 1, medianDays: 17, openN: 2 });
    expect(lr.shortName).toMatch(/Raza/);
    expect(r.byHospital).toHaveLength(2);
  });

  it('totals: received, open, resolved and the share of cases attended (at least one update)', async () => {
    const f = await ok(coord);
    expect(f.totals).toMatchObject({ received: 7, open: 2, resolved: 4, notApplicable: 1, attended: 6, attendedPercent: 85.7 });
    expect(f.totals).toMatchObject({ agreementsAdopted: 6, agreementsOpen: 3, agreementsOverdue: 1 });
  });

  it('agreements: open, overdue, done on time and late, by responsible area', async () => {
    const a = (await ok(coord)).agreements;
    expect(a).toMatchObject({ total: 6, open: 3, overdue: 1, done: 2, doneOnTime: 1, doneLate: 1, doneWithoutDeadline: 0, cancelled: 1 });
    const byArea = Object.fromEntries(a.byArea.map((x) => [x.area, x]));
    expect(byArea.DA).toMatchObject({ total: 2, open: 0, done: 2, doneOnTime: 1, doneLate: 1 });
    expect(byArea.DPM).toMatchObject({ total: 3, open: 3, overdue: 1 });
    expect(byArea.DVIED).toMatchObject({ total: 1, cancelled: 1 });
    expect(a.byArea[0]!.area).toBe('DPM'); // most open first
  });

  it('a sub-range cuts everything to its meetings; one hospital only its cases', async () => {
    const f = await ok(coord, 'from=901&to=902');
    expect(f.totals).toMatchObject({ received: 3, agreementsAdopted: 3 });
    const u = await ok(coord, `from=900&to=903&unitId=${raza}`);
    expect(u.scope).toMatchObject({ kind: 'UNIT', unitId: raza });
    expect(perMeeting(u)).toEqual([
      [900, 2, 1, 0],
      [901, 1, 0, 0],
      [902, 0, 1, 0],
      [903, 0, 1, 1],
    ]);
    expect(u.agreements.total).toBe(6); // agreements belong to no hospital
  });

  it('by default covers the last 26 held meetings, up to the latest', async () => {
    const f = await ok(coord, '');
    expect(f.range!.to).toBe(903);
    expect(f.perMeeting.at(-1)!.number).toBe(903);
    // Planned meetings numbered inside the range are listed too, but the cut counts 26 held ones.
    const held = await t.services.db.orm.select({ id: meetings.id }).from(meetings).where(ne(meetings.status, 'PLANNED'));
    expect(f.perMeeting.filter((p) => p.status !== 'PLANNED')).toHaveLength(Math.min(26, held.length));
    expect(f.range!.from).toBe(f.perMeeting[0]!.number);
  });

  it('rejects a reversed or oversized range naming the field', async () => {
    const res = await figures(coord, 'from=903&to=900');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('to');
    const big = await figures(coord, 'from=1&to=5000');
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].field).toBe('from');
    const bad = await figures(coord, 'from=abc');
    expect(bad.statusCode).toBe(400);
  });
});

describe('who sees what', () => {
  it('unit staff see only their units\' cases', async () => {
    const f = await ok(medico);
    expect(f.scope.kind).toBe('MY_UNITS');
    expect(f.scope.label).toMatch(/Siglo XXI/);
    expect(perMeeting(f)).toEqual([
      [900, 2, 1, 0],
      [901, 1, 2, 2],
      [902, 1, 1, 0],
      [903, 0, 1, 1],
    ]);
    expect(f.totals).toMatchObject({ received: 4, open: 0, resolved: 3, notApplicable: 1, attended: 4, attendedPercent: 100 });
    expect(f.resolution.byHospital.map((h) => h.unitId)).toEqual([sigloXXI]);
    expect(f.resolution.overall).toMatchObject({ n: 3, medianDays: 10 });
  });

  it('unit staff asking for another hospital get 403', async () => {
    const res = await figures(medico, `from=900&to=903&unitId=${raza}`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('UNIT_NOT_VISIBLE');
  });

  it('an official sees only the cases assigned to them', async () => {
    const f = await ok(funcionario);
    expect(f.scope.kind).toBe('ASSIGNED');
    expect(f.totals).toMatchObject({ received: 2, resolved: 2 });
    expect(perMeeting(f)).toEqual([
      [900, 0, 0, 0],
      [901, 2, 1, 1],
      [902, 0, 1, 0],
      [903, 0, 1, 1],
    ]);
  });

  it('a parent (tutor) gets 403', async () => {
    const res = await figures(tutor);
    expect(res.statusCode).toBe(403);
  });

  it('is documented in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const op = res.json().paths['/api/meetings/figures'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['from', 'to', 'unitId']);
  });
});
