/**
 * Benchmark-scale record of the weekly meetings (e.g. 100 000 casos específicos) on a PostgreSQL
 * server, from the same generator as the demo (generate-meetings.ts): as many weekly meetings as fit
 * between 17 September 2020 and "now" (about 320), every one held and closed with its attendance,
 * agenda and agreements, the cases spread over them (≈ 300 a meeting, growing over time) with their
 * dated follow-up (≈ 3 updates a case), the next meeting planned. Meeting 19 stays seed 004's.
 *
 * It replaces the demo's meetings record (the tables of the meetings module are emptied first:
 * a scratch benchmark database only). Fast path as in bulk-registry.ts: secondary indexes of cases
 * and case_updates dropped and rebuilt after the load, foreign-key triggers skipped when the role
 * may, asynchronous commit, one COPY … FROM STDIN per table; then VACUUM (ANALYZE).
 */
import pg from 'pg';
import type { Cell } from './bulk-insert.ts';
import { generateMeetings, MEETING_TABLE_ORDER, MEETING_TABLES, type MeetingsUnit } from './generate-meetings.ts';
import { fastDemoId } from './ids.ts';
import { copyRows } from './pg-copy.ts';

export interface BulkCasesOptions {
  /** postgres:// URL of a database with the schema, the units and the demo accounts (e.g. after the demo). */
  url: string;
  cases: number;
  seed?: number;
  now?: Date;
  progress?: (msg: string) => void;
}

export interface BulkCasesResult {
  cases: number;
  rows: Record<string, number>;
  closedMeetings: number;
  plannedMeeting: number;
  ms: { generate: number; copy: number; indexes: number; analyze: number; total: number };
}

/** Tables of the meetings record, emptied before the load (children first). */
const MEETING_TABLES_TO_EMPTY = ['agreement_updates', 'agreements', 'case_updates', 'meeting_attachments', 'meeting_bulletins', 'cases', 'meeting_attendees', 'meetings', 'officials'];
/** Tables whose secondary indexes are dropped during the load. */
const INDEXED = ['cases', 'case_updates', 'meeting_attendees'];

export async function loadBulkCases(o: BulkCasesOptions): Promise<BulkCasesResult> {
  const t0 = performance.now();
  const say = o.progress ?? (() => {});
  const seed = o.seed ?? 515151;
  const now = o.now ?? new Date();
  const client = new pg.Client({ connectionString: o.url, application_name: 'oncoped-bulk-cases' });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'`);
    try {
      await client.query('SET session_replication_role = replica');
    } catch {
      /* not a superuser: foreign keys are checked, which is only slower */
    }
    const units = (await client.query<MeetingsUnit>(`SELECT id, clues, short_name AS "shortName", level, state FROM units WHERE active ORDER BY clues`)).rows;
    if (units.length === 0) throw new Error('bulk cases: the database has no units (load the demo first)');
    const users = (await client.query<{ username: string; id: string }>(`SELECT username, id FROM users`)).rows;
    // Pediatric registry patients by unit (a sample at registry scale: cases link to one of their unit's).
    const patients = (
      await client.query<{ id: string; unitId: string }>(`SELECT id, unit_id AS "unitId" FROM patients WHERE pediatric AND merged_into IS NULL ORDER BY id LIMIT 200000`)
    ).rows;
    const patientsByUnit = new Map<string, string[]>();
    for (const p of patients) {
      let list = patientsByUnit.get(p.unitId);
      if (!list) patientsByUnit.set(p.unitId, (list = []));
      list.push(p.id);
    }

    const tg = performance.now();
    const gen = generateMeetings({
      seed,
      now,
      id: (kind, key) => fastDemoId(seed, kind, key),
      units,
      patientsByUnit,
      userIds: new Map(users.map((u) => [u.username, u.id])),
      closedMeetings: Number.POSITIVE_INFINITY,
      totalCases: o.cases,
    });
    const t1 = performance.now();
    say(`generated ${gen.rows.cases.length} cases over ${gen.closedMeetings} meetings in ${((t1 - tg) / 1000).toFixed(1)} s`);

    await client.query(`TRUNCATE ${MEETING_TABLES_TO_EMPTY.join(', ')} CASCADE`);
    const idx = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
        [INDEXED],
      )
    ).rows;
    for (const i of idx) await client.query(`DROP INDEX IF EXISTS "${i.name}"`);
    for (const key of MEETING_TABLE_ORDER) await copyRows(client, MEETING_TABLES[key], gen.rows[key] as Cell[][]);
    await client.query('UPDATE case_sequence SET last = $1 WHERE id = 1', [gen.lastSequence]);
    const t2 = performance.now();
    say(`COPY of ${Object.values(gen.rows).reduce((a, r) => a + r.length, 0)} rows in ${((t2 - t1) / 1000).toFixed(1)} s`);
    for (const i of idx) await client.query(i.def);
    const t3 = performance.now();
    await client.query('SET session_replication_role = DEFAULT').catch(() => {});
    // VACUUM too: the visibility map is set and autovacuum does not start in the middle of the measurements.
    for (const t of MEETING_TABLES_TO_EMPTY) await client.query(`VACUUM (ANALYZE) ${t}`);
    const t4 = performance.now();
    return {
      cases: gen.rows.cases.length,
      rows: Object.fromEntries(MEETING_TABLE_ORDER.map((k) => [MEETING_TABLES[k].table, gen.rows[k].length])),
      closedMeetings: gen.closedMeetings,
      plannedMeeting: gen.plannedMeeting,
      ms: { generate: t1 - t0, copy: t2 - t1, indexes: t3 - t2, analyze: t4 - t3, total: t4 - t0 },
    };
  } finally {
    await client.end().catch(() => {});
  }
}
