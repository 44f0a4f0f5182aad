/**
 * The SQL of the meetings' follow-up figures. Every query is bounded by a range of meeting
 * numbers (meetings_number_uq) and reaches cases, updates and agreements through their meeting
 * indexes (cases_meeting_idx on meeting_number, case_updates_meeting_idx, agreements_meeting_ordinal_uq). The case
 * scope (units, assigned official) arrives as a SQL condition on the unaliased `cases` table.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/gateway.ts';
import type { CaseCategory } from '../meetings/schema.ts';

const TZ = sql.raw(`'America/Mexico_City'`);
const OPEN = sql.raw(`('RECEIVED', 'IN_FOLLOW_UP')`);
const FINISHED = sql.raw(`('RESOLVED', 'CLOSED')`);

export interface MeetingRange {
  from: number;
  to: number;
}

/** Numbers of the last `limit` held (started or closed) meetings, newest first, optionally up to `to`. */
export async function lastHeldMeetingNumbers(db: Db, limit: number, to?: number): Promise<number[]> {
  const rows = await rowsOf<{ number: number }>(
    db,
    sql`SELECT number FROM meetings WHERE status <> 'PLANNED' ${to === undefined ? sql`` : sql`AND number <= ${to}`}
        ORDER BY number DESC LIMIT ${limit}`,
  );
  return rows.map((r) => r.number);
}

/** Number of the latest held meeting at or after `from`, if any. */
export async function latestHeldFrom(db: Db, from: number): Promise<number | null> {
  const rows = await rowsOf<{ number: number | null }>(db, sql`SELECT max(number) AS number FROM meetings WHERE status <> 'PLANNED' AND number >= ${from}`);
  return rows[0]?.number ?? null;
}

export async function unitNames(db: Db, ids: readonly string[]): Promise<{ id: string; shortName: string }[]> {
  if (ids.length === 0) return [];
  return rowsOf(db, sql`SELECT id, short_name AS "shortName" FROM units WHERE id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) ORDER BY short_name`);
}

export interface MeetingPointRow {
  number: number;
  date: string;
  status: 'PLANNED' | 'HELD' | 'CLOSED';
  received: number;
  reviewed: number;
  resolved: number;
  agreementsAdopted: number;
  agreementsOpenAtClose: number | null;
}

/**
 * One row per meeting of the range. "Open at close" counts the agreements adopted up to that
 * meeting that had not been completed or cancelled when it ended (ended_at, else closed_at).
 */
export async function perMeeting(db: Db, range: MeetingRange, caseScope: SQL): Promise<MeetingPointRow[]> {
  return rowsOf<MeetingPointRow>(
    db,
    sql`SELECT m.number, to_char(m.scheduled_at AT TIME ZONE ${TZ}, 'YYYY-MM-DD') AS date, m.status,
          (SELECT count(*)::int FROM cases WHERE cases.meeting_number = m.number AND ${caseScope}) AS received,
          (SELECT count(DISTINCT cu.case_id)::int FROM case_updates cu JOIN cases ON cases.id = cu.case_id
            WHERE cu.meeting_id = m.id AND ${caseScope}) AS reviewed,
          (SELECT count(DISTINCT cu.case_id)::int FROM case_updates cu JOIN cases ON cases.id = cu.case_id
            WHERE cu.meeting_id = m.id AND cu.status_to IN ${FINISHED} AND cu.status_from IN ${OPEN} AND ${caseScope}) AS resolved,
          (SELECT count(*)::int FROM agreements a WHERE a.meeting_id = m.id) AS "agreementsAdopted",
          CASE WHEN m.status = 'CLOSED' THEN (
            SELECT count(*)::int FROM agreements a JOIN meetings am ON am.id = a.meeting_id
            WHERE am.number <= m.number
              AND NOT (a.status IN ('DONE', 'CANCELLED') AND coalesce(a.completed_at, a.updated_at) <= coalesce(m.ended_at, m.closed_at))
          ) END AS "agreementsOpenAtClose"
        FROM meetings m
        WHERE m.number BETWEEN ${range.from} AND ${range.to}
        ORDER BY m.number`,
  );
}

export interface ResolutionRow {
  groupedBy: 'ALL' | 'CATEGORY' | 'UNIT';
  category: CaseCategory | null;
  unitId: string | null;
  name: string | null;
  shortName: string | null;
  received: number;
  n: number;
  medianDays: number | null;
  p90Days: number | null;
  openN: number;
  openMedianDays: number | null;
  resolved: number;
  open: number;
  notApplicable: number;
  attended: number;
}

/**
 * Cases taken into the range's meetings: days from receipt to resolution (resolved_at, else
 * closed_at) for resolved/closed cases, and the age of the open ones at `now`; overall, by
 * category and by unit in one pass (GROUPING SETS).
 */
export async function resolution(db: Db, range: MeetingRange, caseScope: SQL, now: Date): Promise<ResolutionRow[]> {
  return rowsOf<ResolutionRow>(
    db,
    sql`WITH c AS (
          SELECT cases.category, cases.unit_id, cases.status,
            CASE WHEN cases.status IN ${FINISHED}
              THEN greatest(0, extract(epoch FROM (coalesce(cases.resolved_at, cases.closed_at) - cases.received_at)) / 86400.0) END AS to_resolve,
            CASE WHEN cases.status IN ${OPEN}
              THEN greatest(0, extract(epoch FROM (${now.toISOString()}::timestamptz - cases.received_at)) / 86400.0) END AS open_for,
            EXISTS (SELECT 1 FROM case_updates cu WHERE cu.case_id = cases.id) AS attended
          FROM cases
          WHERE cases.meeting_number BETWEEN ${range.from} AND ${range.to} AND ${caseScope}
        ), g AS (
          SELECT
            CASE WHEN GROUPING(category) = 0 THEN 'CATEGORY' WHEN GROUPING(unit_id) = 0 THEN 'UNIT' ELSE 'ALL' END AS grouped_by,
            category, unit_id,
            count(*)::int AS received,
            count(to_resolve)::int AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY to_resolve) AS median_days,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY to_resolve) AS p90_days,
            count(open_for)::int AS open_n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY open_for) AS open_median_days,
            count(*) FILTER (WHERE status IN ${FINISHED})::int AS resolved,
            count(*) FILTER (WHERE status IN ${OPEN})::int AS open,
            count(*) FILTER (WHERE status = 'NOT_APPLICABLE')::int AS not_applicable,
            count(*) FILTER (WHERE attended)::int AS attended
          FROM c
          GROUP BY GROUPING SETS ((), (category), (unit_id))
        )
        SELECT g.grouped_by AS "groupedBy", g.category, g.unit_id AS "unitId", units.name, units.short_name AS "shortName",
          g.received, g.n, g.median_days::float8 AS "medianDays", g.p90_days::float8 AS "p90Days",
          g.open_n AS "openN", g.open_median_days::float8 AS "openMedianDays",
          g.resolved, g.open, g.not_applicable AS "notApplicable", g.attended
        FROM g LEFT JOIN units ON units.id = g.unit_id
        ORDER BY g.grouped_by, g.received DESC, units.short_name, g.category`,
  );
}

/** Cases received that still wait for a meeting (no code yet), at the moment of the query. */
export async function waitingCases(db: Db, caseScope: SQL): Promise<number> {
  const rows = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM cases WHERE cases.meeting_id IS NULL AND ${caseScope}`);
  return rows[0]?.n ?? 0;
}

export interface AgreementRow {
  area: string | null;
  total: number;
  open: number;
  overdue: number;
  done: number;
  doneOnTime: number;
  doneLate: number;
  doneWithoutDeadline: number;
  cancelled: number;
}

/**
 * Agreements adopted in the range's meetings, overall (area null) and by responsible area. The
 * deadline is the earlier of the due date and the due meeting's date (Mexico City); an open
 * agreement is overdue once `today` is past it; a done one is on time when completed by it.
 */
export async function agreementFigures(db: Db, range: MeetingRange, today: string): Promise<AgreementRow[]> {
  return rowsOf<AgreementRow>(
    db,
    sql`WITH ag AS (
          SELECT a.status,
            coalesce(nullif(btrim(a.responsible_area), ''), o.area, 'Sin área') AS area,
            least(a.due_date, (dm.scheduled_at AT TIME ZONE ${TZ})::date) AS deadline,
            (a.completed_at AT TIME ZONE ${TZ})::date AS done_on
          FROM agreements a
          JOIN meetings am ON am.id = a.meeting_id
          LEFT JOIN officials o ON o.id = a.responsible_official_id
          LEFT JOIN meetings dm ON dm.number = a.due_meeting_number
          WHERE am.number BETWEEN ${range.from} AND ${range.to}
        )
        SELECT CASE WHEN GROUPING(area) = 0 THEN area END AS area,
          count(*)::int AS total,
          count(*) FILTER (WHERE status IN ('PENDING', 'IN_PROGRESS'))::int AS open,
          count(*) FILTER (WHERE status IN ('PENDING', 'IN_PROGRESS') AND deadline < ${today}::date)::int AS overdue,
          count(*) FILTER (WHERE status = 'DONE')::int AS done,
          count(*) FILTER (WHERE status = 'DONE' AND deadline IS NOT NULL AND done_on <= deadline)::int AS "doneOnTime",
          count(*) FILTER (WHERE status = 'DONE' AND done_on > deadline)::int AS "doneLate",
          count(*) FILTER (WHERE status = 'DONE' AND (deadline IS NULL OR done_on IS NULL))::int AS "doneWithoutDeadline",
          count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled
        FROM ag
        GROUP BY GROUPING SETS ((), (area))
        ORDER BY GROUPING(area) DESC, open DESC, total DESC, area`,
  );
}
