import { sql, type SQL } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { AgendaItem, AgreementStatus, CaseStatus, MeetingStatus } from './schema.ts';

const ts = (column: string) => sql.raw(isoTimestamp(column));

// ---------- officials ----------

export interface OfficialRow {
  id: string;
  name: string;
  position: string;
  area: string;
  userId: string | null;
  unitId: string | null;
  active: boolean;
}

const officialColumns = sql`o.id, o.name, o.position, o.area, o.user_id AS "userId", o.unit_id AS "unitId", o.active`;

export async function listOfficials(db: Db, activeOnly: boolean): Promise<OfficialRow[]> {
  return rowsOf<OfficialRow>(db, sql`SELECT ${officialColumns} FROM officials o WHERE ${activeOnly ? sql`o.active` : sql`true`} ORDER BY o.active DESC, o.name`);
}

export async function findOfficial(db: Db, id: string): Promise<OfficialRow | undefined> {
  return (await rowsOf<OfficialRow>(db, sql`SELECT ${officialColumns} FROM officials o WHERE o.id = ${id}`))[0];
}

export async function insertOfficial(db: Db, v: Omit<OfficialRow, 'id' | 'active'>): Promise<OfficialRow> {
  return (
    await rowsOf<OfficialRow>(
      db,
      sql`INSERT INTO officials AS o (name, position, area, user_id, unit_id) VALUES (${v.name}, ${v.position}, ${v.area}, ${v.userId}, ${v.unitId})
          RETURNING ${officialColumns}`,
    )
  )[0]!;
}

export async function updateOfficial(db: Db, id: string, v: Partial<Omit<OfficialRow, 'id'>>): Promise<OfficialRow | undefined> {
  const sets: SQL[] = [];
  if (v.name !== undefined) sets.push(sql`name = ${v.name}`);
  if (v.position !== undefined) sets.push(sql`position = ${v.position}`);
  if (v.area !== undefined) sets.push(sql`area = ${v.area}`);
  if (v.userId !== undefined) sets.push(sql`user_id = ${v.userId}`);
  if (v.unitId !== undefined) sets.push(sql`unit_id = ${v.unitId}`);
  if (v.active !== undefined) sets.push(sql`active = ${v.active}`);
  if (sets.length === 0) return findOfficial(db, id);
  return (await rowsOf<OfficialRow>(db, sql`UPDATE officials AS o SET ${sql.join(sets, sql`, `)} WHERE o.id = ${id} RETURNING ${officialColumns}`))[0];
}

/** Officials linked to a user account (the actor's "own" cases and agreements). */
export async function officialIdsOfUser(db: Db, userId: string): Promise<string[]> {
  return (await rowsOf<{ id: string }>(db, sql`SELECT id FROM officials WHERE user_id = ${userId}`)).map((r) => r.id);
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return (await rowsOf(db, sql`SELECT 1 FROM users WHERE id = ${id}`)).length > 0;
}

export async function unitName(db: Db, id: string): Promise<string | undefined> {
  return (await rowsOf<{ name: string }>(db, sql`SELECT name FROM units WHERE id = ${id}`))[0]?.name;
}

// ---------- meetings ----------

export interface MeetingRow {
  id: string;
  number: number;
  scheduledAt: Date;
  extraordinary: boolean;
  modality: 'VIRTUAL' | 'IN_PERSON' | 'HYBRID';
  platform: string | null;
  link: string | null;
  location: string | null;
  status: MeetingStatus;
  familiesDeadline: Date;
  casesDeadline: Date;
  agenda: AgendaItem[];
  startedAt: Date | null;
  endedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

const MEETING_DATES = ['scheduledAt', 'familiesDeadline', 'casesDeadline', 'startedAt', 'endedAt', 'closedAt'] as const;

const meetingColumns = sql`m.id, m.number, ${ts('m.scheduled_at')} AS "scheduledAt", m.extraordinary, m.modality, m.platform, m.link, m.location, m.status,
  ${ts('m.families_deadline')} AS "familiesDeadline", ${ts('m.cases_deadline')} AS "casesDeadline", m.agenda,
  ${ts('m.started_at')} AS "startedAt", ${ts('m.ended_at')} AS "endedAt", ${ts('m.closed_at')} AS "closedAt", m.version`;

const meetings = (rows: MeetingRow[]) => withDates(rows, MEETING_DATES);

export async function findMeeting(db: Db, id: string, lock = false): Promise<MeetingRow | undefined> {
  return meetings(await rowsOf<MeetingRow>(db, sql`SELECT ${meetingColumns} FROM meetings m WHERE m.id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`))[0];
}

export async function findMeetingByNumber(db: Db, number: number): Promise<MeetingRow | undefined> {
  return meetings(await rowsOf<MeetingRow>(db, sql`SELECT ${meetingColumns} FROM meetings m WHERE m.number = ${number}`))[0];
}

export async function nextMeetingNumber(db: Db): Promise<number> {
  return (await rowsOf<{ n: number }>(db, sql`SELECT COALESCE(MAX(number), 0)::int + 1 AS n FROM meetings`))[0]!.n;
}

/** The planned meeting whose agenda a case received at `at` goes to: the first whose deadline has not passed. */
export async function meetingForReceipt(db: Db, at: Date): Promise<MeetingRow | undefined> {
  return meetings(
    await rowsOf<MeetingRow>(
      db,
      sql`SELECT ${meetingColumns} FROM meetings m WHERE m.status = 'PLANNED' AND m.cases_deadline >= ${at.toISOString()}::timestamptz
          ORDER BY m.scheduled_at, m.number LIMIT 1`,
    ),
  )[0];
}

export interface NewMeeting {
  number: number;
  scheduledAt: Date;
  extraordinary: boolean;
  modality: MeetingRow['modality'];
  platform: string | null;
  link: string | null;
  location: string | null;
  familiesDeadline: Date;
  casesDeadline: Date;
  agenda: AgendaItem[];
  createdBy: string | null;
}

export async function insertMeeting(db: Db, v: NewMeeting): Promise<MeetingRow> {
  return meetings(
    await rowsOf<MeetingRow>(
      db,
      sql`INSERT INTO meetings AS m (number, scheduled_at, extraordinary, modality, platform, link, location, families_deadline, cases_deadline, agenda, created_by)
          VALUES (${v.number}, ${v.scheduledAt.toISOString()}::timestamptz, ${v.extraordinary}, ${v.modality}, ${v.platform}, ${v.link}, ${v.location},
                  ${v.familiesDeadline.toISOString()}::timestamptz, ${v.casesDeadline.toISOString()}::timestamptz, ${JSON.stringify(v.agenda)}::jsonb, ${v.createdBy})
          RETURNING ${meetingColumns}`,
    ),
  )[0]!;
}

export interface MeetingChanges {
  scheduledAt?: Date;
  extraordinary?: boolean;
  familiesDeadline?: Date;
  casesDeadline?: Date;
  modality?: MeetingRow['modality'];
  platform?: string | null;
  link?: string | null;
  location?: string | null;
  agenda?: AgendaItem[];
  status?: MeetingStatus;
  startedAt?: Date | null;
  endedAt?: Date | null;
  closedAt?: Date | null;
}

/** Compare-and-swap on version; undefined when another change won. */
export async function updateMeeting(db: Db, id: string, version: number, c: MeetingChanges): Promise<MeetingRow | undefined> {
  const sets: SQL[] = [sql`version = m.version + 1`, sql`updated_at = now()`];
  const at = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`NULL`);
  if (c.scheduledAt) sets.push(sql`scheduled_at = ${at(c.scheduledAt)}`);
  if (c.extraordinary !== undefined) sets.push(sql`extraordinary = ${c.extraordinary}`);
  if (c.familiesDeadline) sets.push(sql`families_deadline = ${at(c.familiesDeadline)}`);
  if (c.casesDeadline) sets.push(sql`cases_deadline = ${at(c.casesDeadline)}`);
  if (c.modality) sets.push(sql`modality = ${c.modality}`);
  if (c.platform !== undefined) sets.push(sql`platform = ${c.platform}`);
  if (c.link !== undefined) sets.push(sql`link = ${c.link}`);
  if (c.location !== undefined) sets.push(sql`location = ${c.location}`);
  if (c.agenda) sets.push(sql`agenda = ${JSON.stringify(c.agenda)}::jsonb`);
  if (c.status) sets.push(sql`status = ${c.status}`);
  if (c.startedAt !== undefined) sets.push(sql`started_at = ${at(c.startedAt)}`);
  if (c.endedAt !== undefined) sets.push(sql`ended_at = ${at(c.endedAt)}`);
  if (c.closedAt !== undefined) sets.push(sql`closed_at = ${at(c.closedAt)}`);
  return meetings(
    await rowsOf<MeetingRow>(db, sql`UPDATE meetings AS m SET ${sql.join(sets, sql`, `)} WHERE m.id = ${id} AND m.version = ${version} RETURNING ${meetingColumns}`),
  )[0];
}

export interface MeetingListRow extends MeetingRow {
  newCases: number;
  reviewedCases: number;
  agreements: number;
}

/** Newest first, keyset on number. Counts are per meeting (index lookups, no table scan). */
export async function listMeetings(db: Db, f: { status?: MeetingStatus; beforeNumber?: number; limit: number }): Promise<MeetingListRow[]> {
  return withDates(
    await rowsOf<MeetingListRow>(
      db,
      sql`SELECT ${meetingColumns},
            (SELECT COUNT(*)::int FROM cases c WHERE c.meeting_number = m.number) AS "newCases",
            (SELECT COUNT(DISTINCT u.case_id)::int FROM case_updates u WHERE u.meeting_id = m.id) AS "reviewedCases",
            (SELECT COUNT(*)::int FROM agreements a WHERE a.meeting_id = m.id) AS agreements
          FROM meetings m
          WHERE ${f.status ? sql`m.status = ${f.status}` : sql`true`} AND ${f.beforeNumber !== undefined ? sql`m.number < ${f.beforeNumber}` : sql`true`}
          ORDER BY m.number DESC LIMIT ${f.limit + 1}`,
    ),
    MEETING_DATES,
  );
}

// ---------- attendees ----------

export interface AttendeeRow {
  id: string;
  kind: 'OFFICIAL' | 'FAMILY';
  officialId: string | null;
  name: string;
  surnames: string | null;
  position: string | null;
  area: string | null;
  relationship: 'MOTHER' | 'FATHER' | 'GUARDIAN' | 'GRANDPARENT' | 'OTHER' | null;
  unitId: string | null;
  unitName: string | null;
  late: boolean;
  attended: boolean | null;
  listedAt: Date;
}

const attendeeColumns = sql`a.id, a.kind, a.official_id AS "officialId", a.name, a.surnames, a.position, a.area, a.relationship, a.unit_id AS "unitId",
  (SELECT un.name FROM units un WHERE un.id = a.unit_id) AS "unitName", a.late, a.attended, ${ts('a.listed_at')} AS "listedAt"`;

export async function listAttendees(db: Db, meetingId: string): Promise<AttendeeRow[]> {
  return withDates(
    await rowsOf<AttendeeRow>(db, sql`SELECT ${attendeeColumns} FROM meeting_attendees a WHERE a.meeting_id = ${meetingId} ORDER BY a.kind DESC, a.listed_at, a.id`),
    ['listedAt'],
  );
}

export interface NewAttendee {
  meetingId: string;
  kind: 'OFFICIAL' | 'FAMILY';
  officialId: string | null;
  name: string;
  surnames: string | null;
  position: string | null;
  area: string | null;
  relationship: AttendeeRow['relationship'];
  unitId: string | null;
  patientId: string | null;
  late: boolean;
  attended: boolean | null;
  createdBy: string | null;
}

export async function insertAttendee(db: Db, v: NewAttendee): Promise<AttendeeRow> {
  return withDates(
    await rowsOf<AttendeeRow>(
      db,
      sql`INSERT INTO meeting_attendees AS a (meeting_id, kind, official_id, name, surnames, position, area, relationship, unit_id, patient_id, late, attended, created_by)
          VALUES (${v.meetingId}, ${v.kind}, ${v.officialId}, ${v.name}, ${v.surnames}, ${v.position}, ${v.area}, ${v.relationship}, ${v.unitId}, ${v.patientId}, ${v.late}, ${v.attended}, ${v.createdBy})
          RETURNING ${attendeeColumns}`,
    ),
    ['listedAt'],
  )[0]!;
}

export async function setAttended(db: Db, meetingId: string, attendeeId: string, attended: boolean): Promise<AttendeeRow | undefined> {
  return withDates(
    await rowsOf<AttendeeRow>(
      db,
      sql`UPDATE meeting_attendees AS a SET attended = ${attended} WHERE a.id = ${attendeeId} AND a.meeting_id = ${meetingId} RETURNING ${attendeeColumns}`,
    ),
    ['listedAt'],
  )[0];
}

// ---------- cases ----------

export interface CaseRow {
  id: string;
  code: string | null;
  meetingId: string | null;
  meetingNumber: number | null;
  receivedAt: Date;
  channel: 'EMAIL' | 'CHATBOT' | 'MEETING' | 'OFFICIAL_LETTER';
  category: string;
  title: string;
  description: string | null;
  patientId: string | null;
  patientName: string | null;
  unitId: string;
  unitName: string;
  reporterName: string | null;
  reporterPhone: string | null;
  responsible: { id: string; name: string; position: string; area: string } | null;
  responsibleUserId: string | null;
  status: CaseStatus;
  statusReason: string | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  lastUpdate: { entryDate: string; text: string; meetingNumber: number | null } | null;
  version: number;
  createdAt: Date;
  /** Sort key of the list (received_at as stored, microseconds kept). */
  sortKey: string;
}

const CASE_DATES = ['receivedAt', 'resolvedAt', 'closedAt', 'createdAt'] as const;

const caseColumns = sql`cases.id, cases.code, cases.meeting_id AS "meetingId", cases.meeting_number AS "meetingNumber",
  ${ts('cases.received_at')} AS "receivedAt", cases.channel, cases.category, cases.title, cases.description, cases.patient_id AS "patientId",
  COALESCE(NULLIF(concat_ws(' ', p.given_names, p.first_surname, p.second_surname), ''), cases.patient_name) AS "patientName",
  cases.unit_id AS "unitId", un.name AS "unitName", cases.reporter_name AS "reporterName", cases.reporter_phone AS "reporterPhone",
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'position', o.position, 'area', o.area) END AS responsible,
  o.user_id AS "responsibleUserId",
  cases.status, cases.status_reason AS "statusReason", ${ts('cases.resolved_at')} AS "resolvedAt", ${ts('cases.closed_at')} AS "closedAt",
  (SELECT json_build_object('entryDate', to_char(u.entry_date, 'YYYY-MM-DD'), 'text', u.text, 'meetingNumber', um.number)
     FROM case_updates u LEFT JOIN meetings um ON um.id = u.meeting_id WHERE u.case_id = cases.id ORDER BY u.id DESC LIMIT 1) AS "lastUpdate",
  cases.version, ${ts('cases.created_at')} AS "createdAt", to_char(cases.received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "sortKey"`;

const caseJoins = sql`JOIN units un ON un.id = cases.unit_id
  LEFT JOIN patients p ON p.id = cases.patient_id
  LEFT JOIN officials o ON o.id = cases.responsible_official_id`;

const caseRows = (rows: CaseRow[]) => withDates(rows, CASE_DATES);

export async function findCase(db: Db, id: string, visible: SQL = sql`true`): Promise<CaseRow | undefined> {
  return caseRows(await rowsOf<CaseRow>(db, sql`SELECT ${caseColumns} FROM cases ${caseJoins} WHERE cases.id = ${id} AND ${visible}`))[0];
}

export interface CaseFilters {
  statuses?: readonly CaseStatus[];
  meetingNumber?: number;
  unitId?: string;
  category?: string;
  responsibleOfficialId?: string;
  waiting?: boolean;
  after?: { sortKey: string; id: string };
  limit: number;
}

/** Newest received first; keyset on (received_at, id); `visible` is the caller's access filter. */
export async function listCases(db: Db, visible: SQL, f: CaseFilters): Promise<CaseRow[]> {
  const where: SQL[] = [visible];
  if (f.statuses?.length) where.push(sql`cases.status IN (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (f.meetingNumber !== undefined) where.push(sql`cases.meeting_number = ${f.meetingNumber}`);
  if (f.unitId) where.push(sql`cases.unit_id = ${f.unitId}`);
  if (f.category) where.push(sql`cases.category = ${f.category}`);
  if (f.responsibleOfficialId) where.push(sql`cases.responsible_official_id = ${f.responsibleOfficialId}`);
  if (f.waiting === true) where.push(sql`cases.meeting_id IS NULL`);
  if (f.waiting === false) where.push(sql`cases.meeting_id IS NOT NULL`);
  if (f.after) where.push(sql`(cases.received_at, cases.id) < (${f.after.sortKey}::timestamp AT TIME ZONE 'UTC', ${f.after.id}::uuid)`);
  return caseRows(
    await rowsOf<CaseRow>(
      db,
      sql`SELECT ${caseColumns} FROM cases ${caseJoins} WHERE ${sql.join(where, sql` AND `)} ORDER BY cases.received_at DESC, cases.id DESC LIMIT ${f.limit + 1}`,
    ),
  );
}

export interface NewCase {
  receivedAt: Date;
  channel: CaseRow['channel'];
  category: string;
  title: string;
  description: string | null;
  patientId: string | null;
  patientName: string | null;
  unitId: string;
  reporterName: string | null;
  reporterPhone: string | null;
  responsibleOfficialId: string | null;
  createdBy: string | null;
}

export async function insertCase(db: Db, v: NewCase): Promise<string> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO cases (received_at, channel, category, title, description, patient_id, patient_name, unit_id, reporter_name, reporter_phone, responsible_official_id, created_by)
        VALUES (${v.receivedAt.toISOString()}::timestamptz, ${v.channel}, ${v.category}, ${v.title}, ${v.description}, ${v.patientId}, ${v.patientName}, ${v.unitId},
                ${v.reporterName}, ${v.reporterPhone}, ${v.responsibleOfficialId}, ${v.createdBy})
        RETURNING id`,
  );
  return rows[0]!.id;
}

/**
 * Locks the process-wide case counter for the rest of the transaction. Every path that assigns
 * codes (or decides that a case waits) takes it first, so codes are consecutive and a case and a
 * meeting created at the same moment cannot miss each other.
 */
export async function lockCaseSequence(db: Db): Promise<number> {
  return (await rowsOf<{ last: number }>(db, sql`SELECT last FROM case_sequence WHERE id = 1 FOR UPDATE`))[0]!.last;
}

/** Takes the given cases (in this order) into a meeting with the next sequences; returns their codes. */
export async function assignCodes(db: Db, meeting: { id: string; number: number }, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const last = (await rowsOf<{ last: number }>(db, sql`UPDATE case_sequence SET last = last + ${caseIds.length} WHERE id = 1 RETURNING last`))[0]!.last;
  const first = last - caseIds.length + 1;
  const seqs = caseIds.map((_, i) => first + i);
  await db.execute(
    sql`UPDATE cases SET meeting_id = ${meeting.id}, meeting_number = ${meeting.number}, sequence = x.seq, code = ${`${meeting.number}.`} || x.seq, updated_at = now()
        FROM unnest(${`{${caseIds.join(',')}}`}::uuid[], ${`{${seqs.join(',')}}`}::int[]) AS x(id, seq)
        WHERE cases.id = x.id`,
  );
  return seqs.map((s) => `${meeting.number}.${s}`);
}

/** Registers a case under a code it already has (paper record); moves the counter past it. */
export async function setExplicitCode(db: Db, caseId: string, meeting: { id: string; number: number }, sequence: number): Promise<void> {
  await db.execute(
    sql`UPDATE cases SET meeting_id = ${meeting.id}, meeting_number = ${meeting.number}, sequence = ${sequence}, code = ${`${meeting.number}.${sequence}`} WHERE id = ${caseId}`,
  );
  await db.execute(sql`UPDATE case_sequence SET last = GREATEST(last, ${sequence}) WHERE id = 1`);
}

export async function sequenceTaken(db: Db, sequence: number): Promise<string | undefined> {
  return (await rowsOf<{ code: string }>(db, sql`SELECT code FROM cases WHERE sequence = ${sequence}`))[0]?.code;
}

/** Waiting cases (no meeting yet) received up to a deadline, oldest first, locked. */
export async function waitingCasesUpTo(db: Db, deadline: Date): Promise<string[]> {
  return (
    await rowsOf<{ id: string }>(
      db,
      sql`SELECT id FROM cases WHERE meeting_id IS NULL AND received_at <= ${deadline.toISOString()}::timestamptz AND status IN ('RECEIVED', 'IN_FOLLOW_UP')
          ORDER BY received_at, id FOR UPDATE`,
    )
  ).map((r) => r.id);
}

export interface CaseChanges {
  category?: string;
  title?: string;
  description?: string | null;
  unitId?: string;
  patientId?: string | null;
  patientName?: string | null;
  responsibleOfficialId?: string | null;
  status?: CaseStatus;
  statusReason?: string | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
}

export async function updateCase(db: Db, id: string, version: number, c: CaseChanges): Promise<boolean> {
  const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = now()`];
  const at = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`NULL`);
  if (c.category !== undefined) sets.push(sql`category = ${c.category}`);
  if (c.title !== undefined) sets.push(sql`title = ${c.title}`);
  if (c.description !== undefined) sets.push(sql`description = ${c.description}`);
  if (c.unitId !== undefined) sets.push(sql`unit_id = ${c.unitId}`);
  if (c.patientId !== undefined) sets.push(sql`patient_id = ${c.patientId}`);
  if (c.patientName !== undefined) sets.push(sql`patient_name = ${c.patientName}`);
  if (c.responsibleOfficialId !== undefined) sets.push(sql`responsible_official_id = ${c.responsibleOfficialId}`);
  if (c.status !== undefined) sets.push(sql`status = ${c.status}`);
  if (c.statusReason !== undefined) sets.push(sql`status_reason = ${c.statusReason}`);
  if (c.resolvedAt !== undefined) sets.push(sql`resolved_at = ${at(c.resolvedAt)}`);
  if (c.closedAt !== undefined) sets.push(sql`closed_at = ${at(c.closedAt)}`);
  const rows = await rowsOf(db, sql`UPDATE cases SET ${sql.join(sets, sql`, `)} WHERE id = ${id} AND version = ${version} RETURNING id`);
  return rows.length > 0;
}

export async function currentCaseVersion(db: Db, id: string): Promise<number | undefined> {
  return (await rowsOf<{ version: number }>(db, sql`SELECT version FROM cases WHERE id = ${id}`))[0]?.version;
}

export interface NewCaseUpdate {
  caseId: string;
  meetingId: string | null;
  entryDate: string;
  text: string;
  officialId: string | null;
  statusFrom: CaseStatus;
  statusTo: CaseStatus;
  recordedBy: string | null;
}

export async function insertCaseUpdate(db: Db, v: NewCaseUpdate): Promise<number> {
  return (
    await rowsOf<{ id: number }>(
      db,
      sql`INSERT INTO case_updates (case_id, meeting_id, entry_date, text, official_id, status_from, status_to, recorded_by)
          VALUES (${v.caseId}, ${v.meetingId}, ${v.entryDate}::date, ${v.text}, ${v.officialId}, ${v.statusFrom}, ${v.statusTo}, ${v.recordedBy})
          RETURNING id::int`,
    )
  )[0]!.id;
}

export interface CaseUpdateRow {
  id: number;
  caseId: string;
  meetingId: string | null;
  meetingNumber: number | null;
  entryDate: string;
  text: string;
  official: { id: string; name: string; position: string; area: string } | null;
  statusFrom: CaseStatus;
  statusTo: CaseStatus;
  recordedBy: string | null;
  createdAt: Date;
}

const updateColumns = sql`u.id::int AS id, u.case_id AS "caseId", u.meeting_id AS "meetingId", m.number AS "meetingNumber", to_char(u.entry_date, 'YYYY-MM-DD') AS "entryDate", u.text,
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'position', o.position, 'area', o.area) END AS official,
  u.status_from AS "statusFrom", u.status_to AS "statusTo", us.display_name AS "recordedBy", ${ts('u.created_at')} AS "createdAt"`;

const updateJoins = sql`LEFT JOIN meetings m ON m.id = u.meeting_id LEFT JOIN officials o ON o.id = u.official_id LEFT JOIN users us ON us.id = u.recorded_by`;

export async function caseUpdatesOf(db: Db, caseIds: readonly string[], meetingId?: string): Promise<CaseUpdateRow[]> {
  if (caseIds.length === 0) return [];
  return withDates(
    await rowsOf<CaseUpdateRow>(
      db,
      sql`SELECT ${updateColumns} FROM case_updates u ${updateJoins}
          WHERE u.case_id IN (${sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `)}) ${meetingId ? sql`AND u.meeting_id = ${meetingId}` : sql``}
          ORDER BY u.id`,
    ),
    ['createdAt'],
  );
}

/** The cases on a meeting's agenda: taken into it, reviewed in it, and (while it is open) the earlier open ones. */
export async function agendaCaseIds(db: Db, meeting: MeetingRow): Promise<string[]> {
  const open = meeting.status !== 'CLOSED';
  return (
    await rowsOf<{ id: string }>(
      db,
      sql`SELECT id FROM (
            SELECT c.id, c.sequence FROM cases c WHERE c.meeting_id = ${meeting.id}
            UNION SELECT c.id, c.sequence FROM cases c JOIN case_updates u ON u.case_id = c.id WHERE u.meeting_id = ${meeting.id}
            ${open ? sql`UNION SELECT c.id, c.sequence FROM cases c WHERE c.meeting_number < ${meeting.number} AND c.status IN ('RECEIVED', 'IN_FOLLOW_UP')` : sql``}
          ) x ORDER BY x.sequence NULLS LAST, x.id`,
    )
  ).map((r) => r.id);
}

export async function casesByIds(db: Db, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return caseRows(
    await rowsOf<CaseRow>(
      db,
      sql`SELECT ${caseColumns} FROM cases ${caseJoins} WHERE cases.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY cases.sequence NULLS LAST, cases.id`,
    ),
  );
}

export async function patientUnit(db: Db, patientId: string): Promise<string | undefined> {
  return (await rowsOf<{ unitId: string }>(db, sql`SELECT unit_id AS "unitId" FROM patients WHERE id = ${patientId} AND merged_into IS NULL`))[0]?.unitId;
}

// ---------- agreements ----------

export interface AgreementRow {
  id: string;
  meetingId: string;
  meetingNumber: number;
  ordinal: number;
  code: string;
  text: string;
  responsible: { id: string; name: string; position: string; area: string } | null;
  responsibleUserId: string | null;
  responsibleArea: string | null;
  dueMeetingNumber: number | null;
  dueDate: string | null;
  status: AgreementStatus;
  statusReason: string | null;
  overdue: boolean;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
}

const agreementColumns = (now: Date) => sql`a.id, a.meeting_id AS "meetingId", m.number AS "meetingNumber", a.ordinal, m.number || '/' || a.ordinal AS code, a.text,
  CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'position', o.position, 'area', o.area) END AS responsible,
  o.user_id AS "responsibleUserId", a.responsible_area AS "responsibleArea", a.due_meeting_number AS "dueMeetingNumber",
  to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate", a.status, a.status_reason AS "statusReason",
  (a.status IN ('PENDING', 'IN_PROGRESS') AND (
     (a.due_date IS NOT NULL AND a.due_date < (${now.toISOString()}::timestamptz AT TIME ZONE 'America/Mexico_City')::date)
     OR EXISTS (SELECT 1 FROM meetings dm WHERE dm.number = a.due_meeting_number AND (dm.status = 'CLOSED' OR dm.scheduled_at < ${now.toISOString()}::timestamptz - interval '1 day'))
  )) AS overdue,
  ${ts('a.completed_at')} AS "completedAt", a.version, ${ts('a.created_at')} AS "createdAt"`;

const agreementJoins = sql`JOIN meetings m ON m.id = a.meeting_id LEFT JOIN officials o ON o.id = a.responsible_official_id`;

export interface AgreementFilters {
  statuses?: readonly AgreementStatus[];
  meetingNumber?: number;
  overdue?: boolean;
  ids?: readonly string[];
  /** Open agreements adopted before this meeting number, plus those with an update in `reviewedIn`. */
  followUpFor?: { number: number; meetingId: string; open: boolean };
  adoptedIn?: string;
  after?: { meetingNumber: number; ordinal: number };
  limit: number;
}

export async function listAgreements(db: Db, now: Date, f: AgreementFilters): Promise<AgreementRow[]> {
  const where: SQL[] = [];
  if (f.statuses?.length) where.push(sql`a.status IN (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`);
  if (f.meetingNumber !== undefined) where.push(sql`m.number = ${f.meetingNumber}`);
  if (f.ids) where.push(f.ids.length ? sql`a.id IN (${sql.join(f.ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`false`);
  if (f.adoptedIn) where.push(sql`a.meeting_id = ${f.adoptedIn}`);
  if (f.followUpFor) {
    const reviewed = sql`a.id IN (SELECT agreement_id FROM agreement_updates WHERE meeting_id = ${f.followUpFor.meetingId})`;
    where.push(
      f.followUpFor.open
        ? sql`((m.number < ${f.followUpFor.number} AND a.status IN ('PENDING', 'IN_PROGRESS')) OR ${reviewed})`
        : sql`${reviewed}`,
    );
  }
  if (f.after) where.push(sql`(m.number, a.ordinal) < (${f.after.meetingNumber}, ${f.after.ordinal})`);
  const inner = sql`SELECT ${agreementColumns(now)} FROM agreements a ${agreementJoins} WHERE ${where.length ? sql.join(where, sql` AND `) : sql`true`}`;
  const rows = await rowsOf<AgreementRow>(
    db,
    sql`SELECT * FROM (${inner}) x WHERE ${f.overdue === undefined ? sql`true` : sql`x.overdue = ${f.overdue}`} ORDER BY x."meetingNumber" DESC, x.ordinal DESC LIMIT ${f.limit + 1}`,
  );
  return withDates(rows, ['completedAt', 'createdAt']);
}

export async function findAgreement(db: Db, id: string, now: Date): Promise<AgreementRow | undefined> {
  return (await listAgreements(db, now, { ids: [id], limit: 1 }))[0];
}

export interface NewAgreement {
  meetingId: string;
  text: string;
  responsibleOfficialId: string | null;
  responsibleArea: string | null;
  dueMeetingNumber: number | null;
  dueDate: string | null;
  createdBy: string | null;
}

/** The ordinal is the next in the meeting (the meeting row is locked by the caller). */
export async function insertAgreement(db: Db, v: NewAgreement): Promise<string> {
  return (
    await rowsOf<{ id: string }>(
      db,
      sql`INSERT INTO agreements (meeting_id, ordinal, text, responsible_official_id, responsible_area, due_meeting_number, due_date, created_by)
          VALUES (${v.meetingId}, (SELECT COALESCE(MAX(ordinal), 0) + 1 FROM agreements WHERE meeting_id = ${v.meetingId}), ${v.text}, ${v.responsibleOfficialId},
                  ${v.responsibleArea}, ${v.dueMeetingNumber}, ${v.dueDate}::date, ${v.createdBy})
          RETURNING id`,
    )
  )[0]!.id;
}

export async function updateAgreementStatus(
  db: Db,
  id: string,
  version: number,
  c: { status: AgreementStatus; statusReason: string | null; completedAt: Date | null },
): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`UPDATE agreements SET status = ${c.status}, status_reason = ${c.statusReason}, completed_at = ${c.completedAt ? sql`${c.completedAt.toISOString()}::timestamptz` : sql`NULL`},
          version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length > 0;
}

export async function insertAgreementUpdate(
  db: Db,
  v: { agreementId: string; meetingId: string | null; entryDate: string; text: string; statusFrom: AgreementStatus; statusTo: AgreementStatus; recordedBy: string | null },
): Promise<void> {
  await db.execute(
    sql`INSERT INTO agreement_updates (agreement_id, meeting_id, entry_date, text, status_from, status_to, recorded_by)
        VALUES (${v.agreementId}, ${v.meetingId}, ${v.entryDate}::date, ${v.text}, ${v.statusFrom}, ${v.statusTo}, ${v.recordedBy})`,
  );
}

export interface AgreementUpdateRow {
  id: number;
  agreementId: string;
  meetingId: string | null;
  meetingNumber: number | null;
  entryDate: string;
  text: string;
  statusFrom: AgreementStatus;
  statusTo: AgreementStatus;
  recordedBy: string | null;
  createdAt: Date;
}

export async function agreementUpdatesOf(db: Db, ids: readonly string[]): Promise<AgreementUpdateRow[]> {
  if (ids.length === 0) return [];
  return withDates(
    await rowsOf<AgreementUpdateRow>(
      db,
      sql`SELECT u.id::int AS id, u.agreement_id AS "agreementId", u.meeting_id AS "meetingId", m.number AS "meetingNumber", to_char(u.entry_date, 'YYYY-MM-DD') AS "entryDate",
            u.text, u.status_from AS "statusFrom", u.status_to AS "statusTo", us.display_name AS "recordedBy", ${ts('u.created_at')} AS "createdAt"
          FROM agreement_updates u LEFT JOIN meetings m ON m.id = u.meeting_id LEFT JOIN users us ON us.id = u.recorded_by
          WHERE u.agreement_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY u.id`,
    ),
    ['createdAt'],
  );
}

// ---------- attachments ----------

export interface AttachmentRow {
  id: string;
  ownerType: 'MEETING' | 'CASE';
  ownerId: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  description: string | null;
  createdAt: Date;
}

const attachmentColumns = sql`f.id, f.owner_type AS "ownerType", f.owner_id AS "ownerId", f.file_name AS "fileName", f.media_type AS "mediaType", f.byte_size AS "byteSize", f.description, ${ts('f.created_at')} AS "createdAt"`;

export async function listAttachments(db: Db, ownerType: 'MEETING' | 'CASE', ownerId: string): Promise<AttachmentRow[]> {
  return withDates(
    await rowsOf<AttachmentRow>(db, sql`SELECT ${attachmentColumns} FROM meeting_attachments f WHERE f.owner_type = ${ownerType} AND f.owner_id = ${ownerId} ORDER BY f.created_at, f.id`),
    ['createdAt'],
  );
}

export async function insertAttachment(
  db: Db,
  v: { ownerType: 'MEETING' | 'CASE'; ownerId: string; fileName: string; mediaType: string; content: Buffer; sha256: string; description: string | null; uploadedBy: string | null },
): Promise<AttachmentRow> {
  return withDates(
    await rowsOf<AttachmentRow>(
      db,
      sql`INSERT INTO meeting_attachments AS f (owner_type, owner_id, file_name, media_type, byte_size, sha256, content, description, uploaded_by)
          VALUES (${v.ownerType}, ${v.ownerId}, ${v.fileName}, ${v.mediaType}, ${v.content.length}, ${v.sha256}, ${v.content}, ${v.description}, ${v.uploadedBy})
          RETURNING ${attachmentColumns}`,
    ),
    ['createdAt'],
  )[0]!;
}

export async function findAttachment(db: Db, id: string): Promise<(AttachmentRow & { content: Buffer }) | undefined> {
  const row = withDates(await rowsOf<AttachmentRow & { content: Buffer | Uint8Array }>(db, sql`SELECT ${attachmentColumns}, f.content FROM meeting_attachments f WHERE f.id = ${id}`), [
    'createdAt',
  ])[0];
  if (!row) return undefined;
  return { ...row, content: Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content) };
}

export interface FamilyCaseRow {
  id: string;
  code: string | null;
  title: string;
  status: CaseStatus;
  meetingNumber: number | null;
  receivedAt: Date;
  lastUpdateDate: string | null;
  lastUpdateText: string | null;
}

/** The cases of these patients with their latest follow-up entry, most recent first (what a family may know). */
export async function familyCases(db: Db, patientIds: readonly string[], limit: number): Promise<FamilyCaseRow[]> {
  if (!patientIds.length) return [];
  return withDates(
    await rowsOf<FamilyCaseRow>(
      db,
      sql`SELECT c.id, c.code, c.title, c.status, c.meeting_number AS "meetingNumber", ${ts('c.received_at')} AS "receivedAt",
            to_char(lu.entry_date, 'YYYY-MM-DD') AS "lastUpdateDate", lu.text AS "lastUpdateText"
          FROM cases c
          LEFT JOIN LATERAL (SELECT u.entry_date, u.text FROM case_updates u WHERE u.case_id = c.id ORDER BY u.entry_date DESC, u.id DESC LIMIT 1) lu ON true
          WHERE c.patient_id = ANY(${`{${patientIds.join(',')}}`}::uuid[])
          ORDER BY c.received_at DESC LIMIT ${limit}`,
    ),
    ['receivedAt'],
  );
}
