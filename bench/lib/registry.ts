/** Inputs of the registry figures: search terms, CURPs to look up, patients to register. */
import pg from 'pg';
import { prng } from '../../server/src/modules/demo/ids.ts';
import { Picker } from '../../server/src/modules/demo/random.ts';
import { GIVEN_CHILD_F, GIVEN_CHILD_M, SURNAMES } from '../../server/src/modules/demo/registry-data.ts';
import { makeCurp } from '../../server/src/modules/registry/domain/curp.ts';

/**
 * Name prefixes as registrars type them, cut from registered names (search_name is stored
 * surnames first): a surname alone, a surname and the start of the second, or both surnames and
 * the start of the given name. Each one finds at least its patient (no typo-tolerant fallback).
 */
export async function namePrefixes(url: string, count: number, seed = 7): Promise<string[]> {
  const r = prng(seed);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = (await c.query<{ n: string }>(`SELECT search_name AS n FROM patients TABLESAMPLE SYSTEM (2) WHERE merged_into IS NULL LIMIT $1`, [count])).rows;
    return rows.map(({ n }) => {
      const [s1 = '', s2 = '', ...given] = n.split(' ');
      const u = r();
      if (u < 0.3 || !s2) return s1;
      if (u < 0.8 || !given.length) return `${s1} ${s2.slice(0, 2 + Math.floor(r() * 3))}`;
      return `${s1} ${s2} ${given.join(' ').slice(0, 1 + Math.floor(r() * 3))}`;
    });
  } finally {
    await c.end();
  }
}

/** A random sample of registered CURPs. */
export async function sampleCurps(url: string, count: number): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ curp: string }>(`SELECT curp FROM patients TABLESAMPLE SYSTEM (2) WHERE merged_into IS NULL LIMIT $1`, [count]);
    return r.rows.map((x) => x.curp);
  } finally {
    await c.end();
  }
}

/**
 * Patients to register, each with a CURP no one has: born abroad (state NE, which neither the
 * demo nor the benchmark loader uses), and a distinct (birth date, homonymy) pair per request.
 * `sex` separates the streams of two servers (OncoPed registers girls, the baseline boys).
 */
export function registrations(unitId: string, sex: 'H' | 'M', seed = 11) {
  const r = prng(seed);
  const surnames = new Picker(SURNAMES);
  const given = new Picker(sex === 'M' ? GIVEN_CHILD_F : GIVEN_CHILD_M);
  const letters = 'ABCDEFGHIJKLMNPQRSTUVWXYZ';
  const base = Date.UTC(2010, 0, 1) / 86_400_000;
  let n = 0;
  return (): string => {
    const k = n++;
    const birthDate = new Date((base + Math.floor(k / letters.length)) * 86_400_000).toISOString().slice(0, 10);
    const firstSurname = surnames.pick(r());
    const secondSurname = surnames.pick(r());
    const givenNames = given.pick(r());
    const curp = makeCurp({ firstSurname, secondSurname, givenNames, birthDate, sex, stateCode: 'NE', homonymy: letters[k % letters.length]! });
    const mother = `${given.pick(r())} ${secondSurname} ${surnames.pick(r())}`;
    return JSON.stringify({
      curp,
      givenNames,
      firstSurname,
      secondSurname,
      birthDate,
      sex,
      unitId,
      state: 'Ciudad de México',
      municipality: 'Coyoacán',
      guardians: [{ name: mother, relationship: 'MOTHER', phone: `55${String(10_000_000 + Math.floor(r() * 89_999_999))}`, whatsapp: true, isPrimary: true }],
      consents: [{ kind: 'PRIVACY_NOTICE', grantedBy: mother, grantedOn: new Date(Date.now() - 7 * 3_600_000).toISOString().slice(0, 10) }],
    });
  };
}

/**
 * The database floor for writing n patient rows: COPY of n generated patients into a temporary
 * copy of the patients table with the same indexes (no validation, no guardians, no audit).
 */
export async function copyFloorMs(url: string, n: number): Promise<number> {
  const { RegistryGenerator } = await import('../../server/src/modules/demo/generate-registry.ts');
  const { RowBuffer, TABLES } = await import('../../server/src/modules/demo/bulk-insert.ts');
  const { copyRows } = await import('../../server/src/modules/demo/pg-copy.ts');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const units = (await c.query(`SELECT id, clues, short_name AS "shortName", level, state FROM units ORDER BY clues`)).rows;
    let k = 0;
    const gen = new RegistryGenerator({ seed: 99, now: new Date(), patients: n, units, id: () => `99999999-0000-4000-8000-${String(k++).padStart(12, '0')}`, detail: 'core', keyPrefix: 'f' });
    const buf = new RowBuffer();
    for (let i = 0; i < n; i++) gen.patient(i, buf);
    const rows = buf.drain().get('patients')!;
    await c.query('CREATE TEMP TABLE floor_patients (LIKE patients INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)');
    const t0 = performance.now();
    await copyRows(c, { ...TABLES.patients, table: 'floor_patients' }, rows);
    return performance.now() - t0;
  } finally {
    await c.end();
  }
}
