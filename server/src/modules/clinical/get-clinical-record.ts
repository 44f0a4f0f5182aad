import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db/gateway.ts';
import type { Services } from '../../platform/services.ts';
import { ageInYears } from '../registry/domain/anthropometry.ts';
import { loadVisiblePatient } from '../patients/get-patient.ts';
import type { PatientRow } from '../patients/repo.ts';
import { diagnosisNames } from './diagnosis-codes.ts';
import { withAntibioticTiming } from './record-complication.ts';
import * as repo from './repo.ts';
import type { DiagnosisDto } from './repo.ts';

export function clinicalState(p: PatientRow) {
  return {
    patientId: p.id,
    treatmentStatus: p.treatmentStatus,
    statusSince: p.statusSince,
    vitalStatus: p.vitalStatus,
    deathDate: p.deathDate,
    pediatric: p.pediatric,
    curativeIntent: p.curativeIntent,
    lastTreatmentOn: p.lastTreatmentOn,
    lastContactOn: p.lastContactOn,
    traceReasonOn: p.traceReasonOn,
    version: p.version,
  };
}

/** A diagnosis as the API shows it: codes with their Spanish names, age at diagnosis. */
export function diagnosisView(d: DiagnosisDto, birthDate: string) {
  return { ...d, ...diagnosisNames(d), ageAtDiagnosis: ageInYears(birthDate, d.diagnosisDate) };
}

/** Map.groupBy is Node 21+. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Everything the record page shows of the clinical half, for one patient. */
export async function loadClinicalRecord(db: Db, patient: PatientRow) {
  const id = patient.id;
  const [diagnoses, plans, cycles, administrations, measurements, cumulative, otherTreatments, statusHistory, followUps, complications] = await Promise.all([
    repo.listDiagnoses(db, id),
    repo.listPlans(db, id),
    repo.listCycles(db, id),
    repo.listAdministrations(db, id),
    repo.listMeasurements(db, id),
    repo.cumulativeAnthracycline(db, id),
    repo.listOtherTreatments(db, id),
    repo.listStatusHistory(db, id),
    repo.listFollowUps(db, id),
    repo.listComplications(db, id),
  ]);
  const byCycle = groupBy(administrations, (a) => a.cycleId);
  const byPlan = groupBy(
    cycles.map((c) => ({ ...c, administrations: byCycle.get(c.id) ?? [] })),
    (c) => c.planId,
  );
  return {
    ...clinicalState(patient),
    diagnoses: diagnoses.map((d) => diagnosisView(d, patient.birthDate)),
    plans: plans.map((p) => ({ ...p, cycles: byPlan.get(p.id) ?? [] })),
    latestMeasurement: measurements[0] ?? null,
    measurements,
    cumulativeAnthracyclineMgM2: cumulative,
    otherTreatments,
    statusHistory,
    followUps,
    complications: complications.map(withAntibioticTiming),
  };
}

/** The clinical record of a visible patient; audited as a read of the patient. */
export async function getClinicalRecord(s: Services, ctx: RequestContext, patientId: string) {
  const patient = await loadVisiblePatient(s.db.orm, ctx, patientId);
  const record = await loadClinicalRecord(s.db.orm, patient);
  await ctx.audit({ action: 'READ', entity: 'patient', entityId: patientId, unitId: patient.unitId, detail: { view: 'clinical' } });
  return record;
}
