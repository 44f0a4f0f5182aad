import { dateInMexico } from '../../platform/time.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import { conflict, notFound, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { ageInYears } from '../registry/domain/anthropometry.ts';
import { applyClinicalSummary, lockPatientForClinicalWrite, type ClinicalSummary } from '../patients/apply-clinical-summary.ts';
import { loadVisiblePatient } from '../patients/get-patient.ts';
import type { PatientRow } from '../patients/repo.ts';
import * as repo from './repo.ts';

export interface WriteScope {
  tx: Tx;
  /** The patient row, locked for this transaction. */
  patient: PatientRow;
  now: Date;
  /** Today in Mexico City (YYYY-MM-DD). */
  today: string;
  actorId: string | null;
}

export interface WriteOutcome<T> {
  result: T;
  /** The clinical record written: named in the audit detail (never personal data). */
  record: string;
  recordId: string;
  detail?: Record<string, unknown>;
}

/**
 * The one path of every clinical write: the patient must be visible (404 otherwise, denial
 * audited), then in one transaction the patient row is locked, the use case validates and
 * writes, and the audit row (entity patient, the clinical record in the detail) commits with it.
 * Any error rolls everything back: bad input changes nothing.
 */
export async function clinicalWrite<T>(
  s: Services,
  ctx: RequestContext,
  patientId: string,
  action: 'CREATE' | 'UPDATE' | 'DELETE',
  fn: (w: WriteScope) => Promise<WriteOutcome<T>>,
): Promise<T> {
  await loadVisiblePatient(s.db.orm, ctx, patientId, action);
  const now = s.now();
  return s.db.transaction(async (tx) => {
    const patient = await lockPatientForClinicalWrite(tx, patientId);
    // Transferred away between the visibility check and the lock: as unseen as any other.
    if (ctx.visibleUnits !== 'ALL' && !ctx.visibleUnits.includes(patient.unitId)) {
      throw notFound('No existe un paciente con ese identificador en sus unidades.', 'PATIENT_NOT_FOUND');
    }
    if (patient.mergedInto) {
      throw conflict('PATIENT_MERGED', 'Este registro se fusionó con otro: capture los datos clínicos en el registro que se conservó.', [
        { field: 'id', message: `el registro se fusionó en ${patient.mergedInto}` },
      ]);
    }
    const out = await fn({ tx, patient, now, today: dateInMexico(now), actorId: ctx.actor?.id ?? null });
    await writeAuditInTx(tx, [
      ctx.auditRow({
        action,
        entity: 'patient',
        entityId: patient.id,
        unitId: patient.unitId,
        detail: { record: out.record, recordId: out.recordId, ...out.detail },
      }),
    ]);
    return out.result;
  });
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** A treatment event on `day`: last treatment and last contact move forward (never back). */
export function treatmentEvent(p: PatientRow, day: string): ClinicalSummary {
  return { lastTreatmentOn: later(p.lastTreatmentOn, day), lastContactOn: later(p.lastContactOn, day) };
}

/** A contact on `day` (visit, call, measurement, complication seen at a unit). */
export function contactEvent(p: PatientRow, day: string): ClinicalSummary {
  return { lastContactOn: later(p.lastContactOn, day) };
}

export { applyClinicalSummary, later };

/** The patient's treatment status follows the history: see repo.currentStatus. */
export async function syncCurrentStatus(w: WriteScope, extra: ClinicalSummary = {}): Promise<void> {
  const current = await repo.currentStatus(w.tx, w.patient.id);
  const patch: ClinicalSummary = { ...extra };
  if (current) {
    patch.treatmentStatus = current.status;
    patch.statusSince = current.since;
  }
  await applyClinicalSummary(w.tx, w.patient, patch, w.now);
}

/** Pediatric = age at the earliest live diagnosis < 18 (at registration while there is none). */
export async function pediatricNow(w: WriteScope): Promise<boolean> {
  const earliest = await repo.earliestDiagnosisDate(w.tx, w.patient.id);
  return ageInYears(w.patient.birthDate, earliest ?? dateInMexico(w.patient.registeredAt)) < 18;
}

/**
 * The common checks of a clinical date: not in the future (unless allowed), not before birth,
 * not after a recorded death.
 */
export function checkClinicalDate(errors: FieldError[], field: string, value: string | null | undefined, w: WriteScope, opts: { future?: boolean } = {}): void {
  if (!value) return;
  if (!opts.future && value > w.today) errors.push({ field, message: 'no puede ser una fecha futura' });
  else if (value < w.patient.birthDate) errors.push({ field, message: `no puede ser anterior al nacimiento (${w.patient.birthDate})` });
  else if (w.patient.deathDate && value > w.patient.deathDate) errors.push({ field, message: `no puede ser posterior a la defunción (${w.patient.deathDate})` });
}

/** Mexico City calendar date of an instant. */
export const dayOf = (at: Date) => dateInMexico(at);
