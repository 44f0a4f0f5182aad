import type { SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import type { Db, Tx } from '../../platform/db/gateway.ts';
import { ageInYears } from '../registry/domain/anthropometry.ts';
import { listDiagnosesOf, recordFirstDiagnoses, type ExportDiagnosisRow } from '../clinical/bulk-diagnoses.ts';
import { recordTally } from '../registry/record-tally.ts';
import type { RELATIONSHIPS } from './patient-schemas.ts';
import * as repo from './repo.ts';
import { patients } from './schema.ts';
import { searchNameOf } from './search-name.ts';

/**
 * The patients module's bulk door, for the spreadsheet import and the unit export
 * (modules/registry-io): registration of many already-validated patients in the caller's
 * transaction, the CURP look-up for a whole file, and keyset pages of a unit's patients.
 */

export interface BatchDiagnosis {
  topography: string;
  morphology: string;
  behaviour: number;
  basis: number;
  diagnosisDate: string;
  icd10: string | null;
  icccGroup: string | null;
  icccSubgroup: string | null;
}

export interface BatchGuardian {
  name: string;
  relationship: (typeof RELATIONSHIPS)[number];
  phone: string | null;
  whatsapp: boolean;
  email: string | null;
}

/** A patient already validated with patientInputSchema + checkPatientConsistency. */
export interface BatchPatient {
  curp: string;
  nss: string | null;
  agregado: string | null;
  givenNames: string;
  firstSurname: string;
  secondSurname: string | null;
  birthDate: string;
  sex: 'H' | 'M';
  state: string | null;
  municipality: string | null;
  address: string | null;
  physicianName: string | null;
  guardian: BatchGuardian | null;
  diagnosis: BatchDiagnosis | null;
}

export interface BatchResult {
  /** CURP → new patient id, for the rows created. */
  created: Map<string, string>;
  /** CURPs that were already live (registered since the rows were validated): nothing was written for them. */
  skipped: string[];
}

/**
 * Registers a batch of patients of one unit inside the caller's transaction: patients, their
 * NEW status row and primary guardian in one statement, the first diagnosis through the clinical
 * module, then one REGISTER tally
 * event per created patient (the unit's progress). The pediatric flag is age < 18 at diagnosis,
 * or at registration when there is none, as for a single registration. A CURP already live is
 * skipped, not an error; the caller reports it (and writes the audit row for the batch).
 */
export async function registerPatientsBatch(
  tx: Tx,
  ctx: RequestContext,
  v: { unitId: string; rows: readonly BatchPatient[]; now: Date; today: string },
): Promise<BatchResult> {
  const rows: repo.BulkPatientRow[] = v.rows.map((p) => ({
    curp: p.curp,
    nss: p.nss,
    agregado: p.agregado,
    given_names: p.givenNames,
    first_surname: p.firstSurname,
    second_surname: p.secondSurname,
    search_name: searchNameOf(p),
    birth_date: p.birthDate,
    sex: p.sex,
    state: p.state,
    municipality: p.municipality,
    address: p.address,
    physician_name: p.physicianName,
    pediatric: ageInYears(p.birthDate, p.diagnosis?.diagnosisDate ?? v.today) < 18,
    g_name: p.guardian?.name ?? null,
    g_relationship: p.guardian?.relationship ?? null,
    g_phone: p.guardian?.phone ?? null,
    g_whatsapp: p.guardian ? p.guardian.whatsapp && !!p.guardian.phone : null,
    g_email: p.guardian?.email ?? null,
  }));
  const inserted = await repo.insertPatientsBulk(tx, { unitId: v.unitId, actorId: ctx.actor?.id ?? null, today: v.today, now: v.now, rows });
  await recordTally(
    tx,
    inserted.map((r) => ({ unitId: v.unitId, patientId: r.id, pediatric: r.pediatric, delta: 1 as const, reason: 'REGISTER' as const })),
    v.now,
  );
  const created = new Map(inserted.map((r) => [r.curp, r.id]));
  await recordFirstDiagnoses(
    tx,
    v.rows.flatMap((p) => {
      const patientId = created.get(p.curp);
      return patientId && p.diagnosis ? [{ patientId, unitId: v.unitId, recordedBy: ctx.actor?.id ?? null, ...p.diagnosis }] : [];
    }),
  );
  return { created, skipped: v.rows.filter((p) => !created.has(p.curp)).map((p) => p.curp) };
}

/** Which of these CURPs are already registered (live), with the unit that holds each. One query. */
export async function findRegisteredCurps(db: Db, curps: readonly string[]) {
  return repo.findLiveCurps(db, curps);
}

export type { ExportGuardianRow, ExportPatientRow } from './repo.ts';
export type { ExportDiagnosisRow };

export interface UnitPatientPage {
  patients: repo.ExportPatientRow[];
  guardians: Map<string, repo.ExportGuardianRow[]>;
  diagnoses: Map<string, ExportDiagnosisRow[]>;
  /** Keyset cursor for the next page; null after the last. */
  next: { n: string; id: string } | null;
}

/** SQL condition: the unit is one the request may see (defence in depth for exports). */
export function patientUnitScope(ctx: RequestContext): SQL {
  return unitScope(ctx, patients.unitId);
}

/** Count of a unit's live patients registered up to `asOf`, within the request's scope. */
export async function countUnitPatients(db: Db, ctx: RequestContext, unitId: string, asOf: Date): Promise<number> {
  return repo.countUnitPatients(db, unitId, patientUnitScope(ctx), asOf);
}

/** One keyset page of a unit's patients (name order) with their guardians and diagnoses; three queries. */
export async function readUnitPatientPage(
  db: Db,
  ctx: RequestContext,
  q: { unitId: string; asOf: Date; after: { n: string; id: string } | null; limit: number },
): Promise<UnitPatientPage> {
  const page = await repo.readUnitPatientsPage(db, { ...q, scope: patientUnitScope(ctx) });
  const ids = page.map((p) => p.id);
  const [guardians, diagnoses] = await Promise.all([repo.readGuardiansOf(db, ids), listDiagnosesOf(db, ids)]);
  const group = <T extends { patientId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.patientId);
      if (list) list.push(r);
      else m.set(r.patientId, [r]);
    }
    return m;
  };
  const last = page[page.length - 1];
  return { patients: page, guardians: group(guardians), diagnoses: group(diagnoses), next: last && page.length === q.limit ? { n: last.searchName, id: last.id } : null };
}
