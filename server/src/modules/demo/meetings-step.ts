import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db/gateway.ts';
import { DEMO_ACCOUNTS } from './accounts-data.ts';
import { rowWriter } from './bulk-insert.ts';
import type { DemoContext, DemoStep } from './generate-demo-data.ts';
import { generateMeetings, MEETING_TABLE_ORDER, MEETING_TABLES, type MeetingsUnit } from './generate-meetings.ts';
import { DEMO_UNITS } from './units-data.ts';

/** The 47 demo units with their ids in this data set. */
export function meetingsUnits(unitIdByClues: ReadonlyMap<string, string>): MeetingsUnit[] {
  return DEMO_UNITS.map((u) => {
    const id = unitIdByClues.get(u.clues);
    if (!id) throw new Error(`demo unit ${u.clues} not loaded`);
    return { id, clues: u.clues, shortName: u.shortName, level: u.level, state: u.state };
  });
}

/** Pediatric registry patients by unit (cases and families of the meetings link to them). */
export async function pediatricPatientsByUnit(db: DemoContext['tx']): Promise<Map<string, string[]>> {
  const rows = await rowsOf<{ id: string; unitId: string }>(
    db,
    sql`SELECT id, unit_id AS "unitId" FROM patients WHERE pediatric AND merged_into IS NULL ORDER BY unit_id, id`,
  );
  const byUnit = new Map<string, string[]>();
  for (const p of rows) {
    let list = byUnit.get(p.unitId);
    if (!list) byUnit.set(p.unitId, (list = []));
    list.push(p.id);
  }
  return byUnit;
}

/**
 * The weekly meetings with families (issue 5): the officials by role, meetings 1–62 held weekly
 * since 17 September 2020 with attendance, agenda, casos específicos and acuerdos (meeting 19 as
 * seed 004), and meeting 63 planned for the next Thursday. One COPY (or multi-row INSERT) per
 * table; the case sequence ends at the highest code given.
 */
export const meetingsStep: DemoStep = {
  name: 'meetings',
  async run(c: DemoContext) {
    const t0 = Date.now();
    const patientsByUnit = await pediatricPatientsByUnit(c.tx);
    const t1 = Date.now();
    const gen = generateMeetings({
      seed: c.seed,
      now: c.now,
      id: c.id,
      units: meetingsUnits(c.unitIdByClues),
      patientsByUnit,
      userIds: new Map(DEMO_ACCOUNTS.map((a) => [a.username, c.id('user', a.username)])),
    });
    const t2 = Date.now();
    // As the registry step does: the generated rows reference each other by construction (the demo
    // test checks that none is an orphan), so foreign-key triggers are skipped where the role may.
    const su = await rowsOf<{ su: boolean }>(c.tx, sql`SELECT current_setting('is_superuser') = 'on' AS su`);
    if (su[0]?.su) await c.tx.execute(sql`SET LOCAL session_replication_role = replica`);
    const write = rowWriter(c.tx, c.mode);
    for (const key of MEETING_TABLE_ORDER) await write(MEETING_TABLES[key], gen.rows[key]);
    if (su[0]?.su) await c.tx.execute(sql`SET LOCAL session_replication_role = DEFAULT`);
    await c.tx.execute(sql`UPDATE case_sequence SET last = ${gen.lastSequence} WHERE id = 1`);
    c.log.info(
      { meetings: gen.rows.meetings.length, cases: gen.rows.cases.length, caseUpdates: gen.rows.caseUpdates.length, agreements: gen.rows.agreements.length, lastSequence: gen.lastSequence, patientsMs: t1 - t0, generateMs: t2 - t1, writeMs: Date.now() - t2 },
      'demo meetings loaded',
    );
  },
};
