/**
 * The minutes module's SQL: it reads the record of one meeting (attendance, agenda, the cases and
 * agreements seen in it) to write the minute and the bulletin, and stores the bulletin.
 *
 * The record is read with hand-written SQL and aliased columns; the protected columns (patients'
 * names, CURP, NSS, families' surnames, reporters) are read only by `loadProtectedTerms`, which
 * feeds the redaction and the approval check, never the documents themselves.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isoTimestamp, rowsOf, withDates, type Db } from '../../platform/db/gateway.ts';
import type { AgendaItem, AgreementStatus, CaseCategory, CaseStatus, MeetingStatus } from '../meetings/schema.ts';
import { meetingBulletins } from '../meetings/schema.ts';

export interface MeetingRow {
  id: string;
  number: number;
  status: MeetingStatus;
  modality: 'VIRTUAL' | 'IN_PERSON' | 'HYBRID';
  platform: string | null;
  location: string | null;
  extraordinary: boolean;
  agenda: AgendaItem[];
  scheduledAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  closedAt: Date | null;
}

export async function findMeeting(db: Db, id: string): Promise<MeetingRow | undefined> {
  const rows = await rowsOf<MeetingRow>(
    db,
    sql`SELECT id, number, status, modality, platform, location, extraordinary, agenda,
          ${sql.raw(isoTimestamp('scheduled_at'))} AS "scheduledAt", ${sql.raw(isoTimestamp('started_at'))} AS "startedAt",
          ${sql.raw(isoTimestamp('ended_at'))} AS "endedAt", ${sql.raw(isoTimestamp('closed_at'))} AS "closedAt"
        FROM meetings WHERE id = ${id}::uuid`,
  );
  const row = rows[0];
  if (!row) return undefined;
  // PGlite hands jsonb as parsed values, node-postgres too; a string would mean a driver change.
  if (typeof row.agenda === 'string') row.agenda = JSON.parse(row.agenda) as AgendaItem[];
  return withDates([row], ['scheduledAt', 'startedAt', 'endedAt', 'closedAt'])[0];
}

export interface OfficialAttendeeRow {
  name: string;
  position: string | null;
  area: string | null;
}

/** Officials who attended (attendance not marked false), in the order they were listed. */
export async function listOfficialAttendees(db: Db, meetingId: string): Promise<OfficialAttendeeRow[]> {
  return rowsOf<OfficialAttendeeRow>(
    db,
    sql`SELECT a.name, coalesce(a.position, o.position) AS position, coalesce(a.area, o.area) AS area
        FROM meeting_attendees a LEFT JOIN officials o ON o.id = a.official_id
        WHERE a.meeting_id = ${meetingId}::uuid AND a.kind = 'OFFICIAL' AND a.attended IS DISTINCT FROM false
        ORDER BY a.listed_at, a.id`,
  );
}

export interface FamilyAttendeeRow {
  /** Given names only (the attendee's `name`); surnames are never read here. */
  name: string;
  relationship: 'MOTHER' | 'FATHER' | 'GUARDIAN' | 'GRANDPARENT' | 'OTHER' | null;
  unitName: string | null;
}

/** Family members who attended, by hospital: given names, relationship and hospital only. */
export async function listFamilyAttendees(db: Db, meetingId: string): Promise<FamilyAttendeeRow[]> {
  return rowsOf<FamilyAttendeeRow>(
    db,
    sql`SELECT a.name, a.relationship, u.short_name AS "unitName"
        FROM meeting_attendees a LEFT JOIN units u ON u.id = a.unit_id
        WHERE a.meeting_id = ${meetingId}::uuid AND a.kind = 'FAMILY' AND a.attended IS DISTINCT FROM false
        ORDER BY u.short_name NULLS LAST, a.listed_at, a.id`,
  );
}

export interface ReviewedCaseRow {
  id: string;
  code: string | null;
  meetingNumber: number | null;
  sequence: number | null;
  category: CaseCategory;
  title: string;
  status: CaseStatus;
  /** Taken into this meeting (its code's first number is this meeting's). */
  takenHere: boolean;
  /** Updates recorded in this meeting, oldest first. */
  updates: { text: string; statusTo: CaseStatus; officialName: string | null; officialPosition: string | null }[];
}

/**
 * The cases reviewed in a meeting: those with an update recorded in it and those taken into it.
 * Only public-safe columns (code, category, title, status, the updates' text and who reported
 * them): never the description, the patient or the reporter.
 */
export async function listReviewedCases(db: Db, meetingId: string): Promise<ReviewedCaseRow[]> {
  const rows = await rowsOf<ReviewedCaseRow>(
    db,
    sql`WITH seen AS (
          SELECT id FROM cases WHERE meeting_id = ${meetingId}::uuid
          UNION
          SELECT case_id FROM case_updates WHERE meeting_id = ${meetingId}::uuid
        )
        SELECT c.id, c.code, c.meeting_number AS "meetingNumber", c.sequence, c.category, c.title, c.status,
          (c.meeting_id IS NOT DISTINCT FROM ${meetingId}::uuid) AS "takenHere",
          coalesce((
            SELECT json_agg(json_build_object('text', cu.text, 'statusTo', cu.status_to,
                     'officialName', coalesce(att.name, o.name), 'officialPosition', coalesce(att.position, o.position)) ORDER BY cu.id)
            FROM case_updates cu
            LEFT JOIN officials o ON o.id = cu.official_id
            LEFT JOIN meeting_attendees att ON att.meeting_id = cu.meeting_id AND att.official_id = cu.official_id
            WHERE cu.case_id = c.id AND cu.meeting_id = ${meetingId}::uuid
          ), '[]'::json) AS updates
        FROM seen JOIN cases c ON c.id = seen.id
        ORDER BY c.meeting_number NULLS LAST, c.sequence NULLS LAST, c.received_at, c.id`,
  );
  for (const r of rows) if (typeof r.updates === 'string') r.updates = JSON.parse(r.updates) as ReviewedCaseRow['updates'];
  return rows;
}

export interface AdoptedAgreementRow {
  ordinal: number;
  text: string;
  responsibleName: string | null;
  responsiblePosition: string | null;
  responsibleOfficialArea: string | null;
  responsibleArea: string | null;
  dueDate: string | null;
  dueMeetingNumber: number | null;
  status: AgreementStatus;
}

/** The agreements adopted in a meeting, in reading order. */
export async function listAdoptedAgreements(db: Db, meetingId: string): Promise<AdoptedAgreementRow[]> {
  return rowsOf<AdoptedAgreementRow>(
    db,
    sql`SELECT ag.ordinal, ag.text, o.name AS "responsibleName", o.position AS "responsiblePosition", o.area AS "responsibleOfficialArea",
          ag.responsible_area AS "responsibleArea", to_char(ag.due_date, 'YYYY-MM-DD') AS "dueDate",
          ag.due_meeting_number AS "dueMeetingNumber", ag.status
        FROM agreements ag LEFT JOIN officials o ON o.id = ag.responsible_official_id
        WHERE ag.meeting_id = ${meetingId}::uuid
        ORDER BY ag.ordinal`,
  );
}

export interface AgreementFollowUpRow {
  meetingNumber: number;
  ordinal: number;
  agreementText: string;
  text: string;
  statusTo: AgreementStatus;
}

/** Updates recorded in this meeting on agreements of earlier meetings (seguimiento de acuerdos). */
export async function listAgreementFollowUps(db: Db, meetingId: string): Promise<AgreementFollowUpRow[]> {
  return rowsOf<AgreementFollowUpRow>(
    db,
    sql`SELECT m.number AS "meetingNumber", ag.ordinal, ag.text AS "agreementText", au.text, au.status_to AS "statusTo"
        FROM agreement_updates au
        JOIN agreements ag ON ag.id = au.agreement_id
        JOIN meetings m ON m.id = ag.meeting_id
        WHERE au.meeting_id = ${meetingId}::uuid AND ag.meeting_id <> ${meetingId}::uuid
        ORDER BY m.number, ag.ordinal, au.id`,
  );
}

export interface ProtectedRows {
  families: { name: string; surnames: string | null }[];
  /** Institutional text that may contain a protected word and is never personal data: officials' names and positions, unit names. */
  safePhrases: string[];
  patients: {
    givenNames: string | null;
    firstSurname: string | null;
    secondSurname: string | null;
    curp: string | null;
    nss: string | null;
    patientName: string | null;
    reporterName: string | null;
    reporterPhone: string | null;
  }[];
}

/**
 * What a published document of this meeting must never contain: the families' surnames (every
 * family attendee listed, attended or not) and, for every case reviewed in the meeting, the
 * child's names, CURP and NSS and the reporter's name and phone; and the institutional phrases
 * (officials' names and positions, unit names) where such a word is not personal data. Reads the patients table for the
 * cases' linked children (a join, not a copy: names corrected in the registry count at once).
 */
export async function loadProtectedRows(db: Db, meetingId: string): Promise<ProtectedRows> {
  const families = await rowsOf<ProtectedRows['families'][number]>(
    db,
    sql`SELECT name, surnames FROM meeting_attendees WHERE meeting_id = ${meetingId}::uuid AND kind = 'FAMILY'`,
  );
  const patients = await rowsOf<ProtectedRows['patients'][number]>(
    db,
    sql`WITH seen AS (
          SELECT id FROM cases WHERE meeting_id = ${meetingId}::uuid
          UNION
          SELECT case_id FROM case_updates WHERE meeting_id = ${meetingId}::uuid
        )
        SELECT p.given_names AS "givenNames", p.first_surname AS "firstSurname", p.second_surname AS "secondSurname",
          p.curp, p.nss, c.patient_name AS "patientName", c.reporter_name AS "reporterName", c.reporter_phone AS "reporterPhone"
        FROM seen JOIN cases c ON c.id = seen.id LEFT JOIN patients p ON p.id = c.patient_id`,
  );
  const safe = await rowsOf<{ phrase: string }>(
    db,
    sql`SELECT DISTINCT phrase FROM (
          SELECT unnest(ARRAY[name, position, area]) AS phrase FROM officials
          UNION ALL
          SELECT unnest(ARRAY[name, position, area]) FROM meeting_attendees WHERE meeting_id = ${meetingId}::uuid AND kind = 'OFFICIAL'
          UNION ALL
          SELECT unnest(ARRAY[name, short_name]) FROM units
        ) p WHERE phrase IS NOT NULL AND length(phrase) >= 4`,
  );
  return { families, patients, safePhrases: safe.map((r) => r.phrase) };
}

// ---------------------------------------------------------------- bulletins

export interface BulletinRow {
  meetingId: string;
  title: string;
  summary: string;
  body: string;
  status: 'DRAFT' | 'APPROVED';
  version: number;
  updatedAt: Date;
  approvedAt: Date | null;
}

const BULLETIN_COLUMNS = {
  meetingId: meetingBulletins.meetingId,
  title: meetingBulletins.title,
  summary: meetingBulletins.summary,
  body: meetingBulletins.body,
  status: meetingBulletins.status,
  version: meetingBulletins.version,
  updatedAt: meetingBulletins.updatedAt,
  approvedAt: meetingBulletins.approvedAt,
};

export async function findBulletin(db: Db, meetingId: string): Promise<BulletinRow | undefined> {
  const rows = await db.select(BULLETIN_COLUMNS).from(meetingBulletins).where(eq(meetingBulletins.meetingId, meetingId)).limit(1);
  return rows[0];
}

/** Creates the meeting's bulletin; undefined when one already exists (someone saved first). */
export async function insertBulletin(
  db: Db,
  v: { meetingId: string; title: string; summary: string; body: string; actorId: string | null; now: Date },
): Promise<BulletinRow | undefined> {
  const rows = await db
    .insert(meetingBulletins)
    .values({ meetingId: v.meetingId, title: v.title, summary: v.summary, body: v.body, updatedBy: v.actorId, updatedAt: v.now })
    .onConflictDoNothing({ target: meetingBulletins.meetingId })
    .returning(BULLETIN_COLUMNS);
  return rows[0];
}

/** Compare-and-swap edit of a draft: undefined when the version moved or the bulletin is approved. */
export async function updateBulletin(
  db: Db,
  v: { meetingId: string; expectedVersion: number; title: string; summary: string; body: string; actorId: string | null; now: Date },
): Promise<BulletinRow | undefined> {
  const rows = await db
    .update(meetingBulletins)
    .set({ title: v.title, summary: v.summary, body: v.body, updatedBy: v.actorId, updatedAt: v.now, version: sql`${meetingBulletins.version} + 1` })
    .where(and(eq(meetingBulletins.meetingId, v.meetingId), eq(meetingBulletins.version, v.expectedVersion), eq(meetingBulletins.status, 'DRAFT')))
    .returning(BULLETIN_COLUMNS);
  return rows[0];
}

/** DRAFT → APPROVED at the expected version; undefined when it moved. */
export async function approveBulletin(
  db: Db,
  v: { meetingId: string; expectedVersion: number; actorId: string | null; now: Date },
): Promise<BulletinRow | undefined> {
  const rows = await db
    .update(meetingBulletins)
    .set({ status: 'APPROVED', approvedBy: v.actorId, approvedAt: v.now, updatedAt: v.now, version: sql`${meetingBulletins.version} + 1` })
    .where(and(eq(meetingBulletins.meetingId, v.meetingId), eq(meetingBulletins.version, v.expectedVersion), eq(meetingBulletins.status, 'DRAFT')))
    .returning(BULLETIN_COLUMNS);
  return rows[0];
}
