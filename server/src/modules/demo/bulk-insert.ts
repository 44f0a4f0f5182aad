import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { DatabaseMode } from '../../platform/config.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { copyRows, copyText } from './pg-copy.ts';

/** A cell of a bulk row: what a PostgreSQL array literal can carry. */
export type Cell = string | number | boolean | Date | null;

export interface TableSpec {
  table: string;
  /** Column name and the PostgreSQL type of its unnest() array. */
  columns: readonly (readonly [string, string])[];
}

/** Rows of the demo/benchmark tables in the column order of their TableSpec. */
export const TABLES = {
  patients: {
    table: 'patients',
    columns: [
      ['id', 'uuid'], ['curp', 'text'], ['nss', 'text'], ['agregado', 'text'], ['given_names', 'text'], ['first_surname', 'text'],
      ['second_surname', 'text'], ['search_name', 'text'], ['birth_date', 'date'], ['sex', 'text'], ['state', 'text'],
      ['municipality', 'text'], ['address', 'text'], ['unit_id', 'uuid'], ['physician_name', 'text'], ['pediatric', 'bool'],
      ['treatment_status', 'text'], ['status_since', 'date'], ['vital_status', 'text'], ['death_date', 'date'],
      ['last_contact_on', 'date'], ['last_treatment_on', 'date'], ['curative_intent', 'bool'], ['trace_reason_on', 'date'],
      ['registered_at', 'timestamptz'], ['registered_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ],
  },
  guardians: {
    table: 'patient_guardians',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['name', 'text'], ['relationship', 'text'], ['phone', 'text'], ['whatsapp', 'bool'], ['email', 'text'], ['is_primary', 'bool'], ['created_at', 'timestamptz']],
  },
  consents: {
    table: 'patient_consents',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['kind', 'text'], ['granted_by', 'text'], ['granted_on', 'date'], ['document_version', 'text'], ['created_at', 'timestamptz']],
  },
  transfers: {
    table: 'patient_transfers',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['from_unit_id', 'uuid'], ['to_unit_id', 'uuid'], ['transferred_on', 'date'], ['reason', 'text'], ['created_at', 'timestamptz']],
  },
  diagnoses: {
    table: 'diagnoses',
    columns: [
      ['id', 'uuid'], ['patient_id', 'uuid'], ['sequence', 'int2'], ['topography', 'text'], ['morphology', 'text'], ['behaviour', 'int2'],
      ['basis', 'int2'], ['diagnosis_date', 'date'], ['laterality', 'text'], ['stage', 'text'], ['risk_group', 'text'], ['icd10', 'text'],
      ['iccc_group', 'text'], ['iccc_subgroup', 'text'], ['unit_id', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  plans: {
    table: 'treatment_plans',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['diagnosis_id', 'uuid'], ['protocol', 'text'], ['intent', 'text'], ['start_date', 'date'], ['planned_cycles', 'int2'], ['cycle_length_days', 'int2'], ['end_date', 'date'], ['created_at', 'timestamptz']],
  },
  cycles: {
    table: 'treatment_cycles',
    columns: [
      ['id', 'uuid'], ['plan_id', 'uuid'], ['patient_id', 'uuid'], ['course', 'text'], ['cycle_number', 'int2'], ['previous_cycle_id', 'uuid'],
      ['planned_date', 'date'], ['actual_date', 'date'], ['status', 'text'], ['notes', 'text'], ['unit_id', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  administrations: {
    table: 'chemo_administrations',
    columns: [
      ['id', 'uuid'], ['cycle_id', 'uuid'], ['patient_id', 'uuid'], ['drug', 'text'], ['dose', 'numeric'], ['dose_unit', 'text'], ['dose_mg', 'numeric'],
      ['route', 'text'], ['group_kind', 'text'], ['dose_reduction_pct', 'int2'], ['administered_at', 'timestamptz'], ['bsa_used', 'numeric'],
      ['measured_on', 'date'], ['anthracycline_mg_m2', 'numeric'], ['created_at', 'timestamptz'],
    ],
  },
  measurements: {
    table: 'measurements',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['measured_on', 'date'], ['weight_kg', 'numeric'], ['height_cm', 'numeric'], ['bsa', 'numeric'], ['created_at', 'timestamptz']],
  },
  otherTreatments: {
    table: 'other_treatments',
    columns: [
      ['id', 'uuid'], ['patient_id', 'uuid'], ['kind', 'text'], ['start_date', 'date'], ['end_date', 'date'], ['description', 'text'], ['dose_gy', 'numeric'],
      ['fractions', 'int2'], ['subtype', 'text'], ['unit_id', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  statuses: {
    table: 'treatment_status_history',
    columns: [['id', 'uuid'], ['patient_id', 'uuid'], ['status', 'text'], ['since', 'date'], ['reason', 'text'], ['created_at', 'timestamptz']],
  },
  followUps: {
    table: 'follow_ups',
    columns: [
      ['id', 'uuid'], ['patient_id', 'uuid'], ['contact_date', 'date'], ['kind', 'text'], ['vital_status', 'text'], ['disease_status', 'text'],
      ['trace_reason', 'text'], ['notes', 'text'], ['unit_id', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  complications: {
    table: 'complications',
    columns: [
      ['id', 'uuid'], ['patient_id', 'uuid'], ['kind', 'text'], ['onset_at', 'timestamptz'], ['triage_at', 'timestamptz'], ['antibiotic_at', 'timestamptz'],
      ['grade', 'int2'], ['description', 'text'], ['unit_id', 'uuid'], ['created_at', 'timestamptz'],
    ],
  },
  tally: {
    table: 'registry_tally_events',
    columns: [['unit_id', 'uuid'], ['patient_id', 'uuid'], ['pediatric', 'bool'], ['delta', 'int2'], ['reason', 'text'], ['at', 'timestamptz']],
  },
  census: {
    table: 'unit_census',
    columns: [['id', 'uuid'], ['unit_id', 'uuid'], ['expected', 'int4'], ['expected_pediatric', 'int4'], ['effective_from', 'date'], ['notes', 'text'], ['created_at', 'timestamptz']],
  },
  trainings: {
    table: 'unit_trainings',
    columns: [['id', 'uuid'], ['unit_id', 'uuid'], ['trained_on', 'date'], ['modality', 'text'], ['people_trained', 'int2'], ['topic', 'text'], ['created_at', 'timestamptz']],
  },
} as const satisfies Record<string, TableSpec>;

export type TableKey = keyof typeof TABLES;
/** Parents before children: the order in which buffered rows are written. */
export const TABLE_ORDER: readonly TableKey[] = [
  'patients', 'guardians', 'consents', 'transfers', 'diagnoses', 'plans', 'cycles', 'administrations', 'measurements',
  'otherTreatments', 'statuses', 'followUps', 'complications', 'tally', 'census', 'trainings',
];

function element(v: Cell): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  const s = v instanceof Date ? v.toISOString() : v;
  return `"${s.replace(/[\\"]/g, '\\$&')}"`;
}

/** A PostgreSQL array literal ('{"a",NULL,"b"}') of one column. */
function arrayLiteral(rows: readonly Cell[][], col: number): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) parts[i] = element(rows[i]![col]!);
  return `{${parts.join(',')}}`;
}

/**
 * Inserts rows with one `INSERT … SELECT * FROM unnest($1::type[], $2::type[], …)` per chunk: one
 * parameter per column whatever the number of rows, so a chunk of thousands of rows costs one
 * round trip and one parse, on PGlite and on PostgreSQL alike.
 */
export async function insertRows(db: Db, spec: TableSpec, rows: readonly Cell[][], chunk = 5000): Promise<void> {
  const cols = sql.raw(spec.columns.map(([c]) => c).join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = spec.columns.map(([, type], c) => sql`${arrayLiteral(part, c)}::${sql.raw(type)}[]`);
    await db.execute(sql`INSERT INTO ${sql.identifier(spec.table)} (${cols}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/** Buffers generated rows per table and writes them in dependency order. */
export class RowBuffer {
  readonly rows = new Map<TableKey, Cell[][]>();
  readonly counts = new Map<TableKey, number>();

  add(table: TableKey, row: Cell[]): void {
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    list.push(row);
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  size(table: TableKey): number {
    return this.rows.get(table)?.length ?? 0;
  }

  /** Takes the buffered rows out (for writing while the next batch is generated). */
  drain(): Map<TableKey, Cell[][]> {
    const out = new Map(this.rows);
    this.rows.clear();
    return out;
  }
}

/**
 * How rows reach the database. COPY costs about half the CPU of INSERT … unnest() on PGlite and
 * far less on PostgreSQL; it needs the driver's client under the Drizzle handle: PGlite's
 * `query(…, { blob })` (COPY … FROM '/dev/blob') or node-postgres's client (COPY … FROM STDIN).
 * Anything else gets the INSERT.
 */
export type RowWriter = (spec: TableSpec, rows: readonly Cell[][]) => Promise<void>;

interface PgliteLike {
  query(text: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

export function rowWriter(db: Db, mode: DatabaseMode | undefined): RowWriter {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client as Record<string, unknown> | undefined;
  if (mode === 'embedded' && client && typeof client.query === 'function') {
    const pgl = client as unknown as PgliteLike;
    return async (spec, rows) => {
      if (!rows.length) return;
      const cols = spec.columns.map(([c]) => `"${c}"`).join(', ');
      await pgl.query(`COPY "${spec.table}" (${cols}) FROM '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
    };
  }
  if (mode === 'postgres' && client && typeof client.query === 'function' && 'connection' in client) {
    return (spec, rows) => copyRows(client as unknown as pg.Client, spec, rows);
  }
  return (spec, rows) => insertRows(db, spec, rows);
}

export async function writeBuffered(db: Db | RowWriter, rows: Map<TableKey, Cell[][]>, chunk = 5000): Promise<void> {
  for (const key of TABLE_ORDER) {
    const list = rows.get(key);
    if (!list?.length) continue;
    if (typeof db === 'function') await db(TABLES[key], list);
    else await insertRows(db, TABLES[key], list, chunk);
  }
}
