import type { RequestContext } from '../../platform/access/context.ts';
import { notFound, validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { absoluteDoseMg, anthracyclineOf, doxorubicinEquivalentMgM2, needsBodySize } from './anthracyclines.ts';
import type { AdministrationInput } from './clinical-schemas.ts';
import { applyClinicalSummary, checkClinicalDate, clinicalWrite, dayOf, treatmentEvent } from './clinical-write.ts';
import { diagnosisDateOfPlan } from './cycle-rules.ts';
import * as repo from './repo.ts';

/** Clock skew tolerated between the ward's device and the server. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records one drug given in a cycle. The dose is resolved with the latest dated weight and height
 * on or before the day of administration (never a stale guess: its date is stored and shown);
 * a dose per m² or per kg with no measurement is refused. Anthracyclines add their doxorubicin-
 * equivalent mg/m² to the patient's cumulative dose. Chemotherapy given in a planned cycle marks
 * the cycle given on that day. A treatment event.
 */
export async function recordAdministration(s: Services, ctx: RequestContext, patientId: string, cycleId: string, input: AdministrationInput) {
  return clinicalWrite(s, ctx, patientId, 'CREATE', async (w) => {
    const cycle = await repo.findCycle(w.tx, patientId, cycleId);
    if (!cycle) throw notFound('El paciente no tiene un ciclo con ese identificador.', 'CYCLE_NOT_FOUND');
    if (cycle.status === 'CANCELLED') throw validationFailed([{ field: 'cycleId', message: 'el ciclo está cancelado; reprográmelo antes de registrar la aplicación' }]);
    const administeredAt = new Date(input.administeredAt);
    const day = dayOf(administeredAt);
    const errors: FieldError[] = [];
    if (administeredAt.getTime() > w.now.getTime() + FUTURE_TOLERANCE_MS) errors.push({ field: 'administeredAt', message: 'no puede ser una fecha futura' });
    else checkClinicalDate(errors, 'administeredAt', day, w);
    const plan = await repo.findPlan(w.tx, patientId, cycle.planId);
    const diagnosisDate = plan ? await diagnosisDateOfPlan(w, plan) : null;
    if (diagnosisDate && day < diagnosisDate) errors.push({ field: 'administeredAt', message: `no puede ser anterior a la fecha de diagnóstico (${diagnosisDate})` });

    const m = await repo.latestMeasurement(w.tx, patientId, day);
    const isAnthracycline = anthracyclineOf(input.drug) !== null;
    if (!m && needsBodySize(input.doseUnit)) {
      errors.push({
        field: 'dose',
        message: `una dosis en ${input.doseUnit} necesita el peso y la talla del paciente: registre primero una medición (en o antes del ${day})`,
      });
    } else if (!m && isAnthracycline) {
      errors.push({
        field: 'dose',
        message: `para la dosis acumulada de antraciclinas se necesita la superficie corporal: registre primero el peso y la talla (en o antes del ${day})`,
      });
    }
    const body = m ? { bsa: m.bsa, weightKg: m.weightKg } : null;
    const doseMg = absoluteDoseMg(input.dose, input.doseUnit, input.doseReductionPct, body);
    if (doseMg !== null && doseMg >= 10_000_000) errors.push({ field: 'dose', message: 'la dosis resultante no es posible; revise la unidad' });
    if (errors.length) throw validationFailed(errors);

    const anthracyclineMgM2 = doxorubicinEquivalentMgM2(input.drug, input.dose, input.doseUnit, input.doseReductionPct, body);
    const id = await repo.insertAdministration(w.tx, {
      cycleId,
      patientId,
      drug: input.drug,
      dose: String(input.dose),
      doseUnit: input.doseUnit,
      doseMg: doseMg === null ? null : String(doseMg),
      route: input.route,
      groupKind: input.groupKind,
      doseReductionPct: input.doseReductionPct,
      administeredAt,
      bsaUsed: m ? String(m.bsa) : null,
      measuredOn: m?.measuredOn ?? null,
      anthracyclineMgM2: anthracyclineMgM2 === null ? null : String(anthracyclineMgM2),
      recordedBy: w.actorId,
    });
    let cycleGiven = false;
    if (input.groupKind === 'CHEMOTHERAPY' && (cycle.status === 'PLANNED' || cycle.status === 'DELAYED')) {
      cycleGiven = await repo.updateCycle(w.tx, cycleId, cycle.version, { status: 'GIVEN', actualDate: day });
    }
    await applyClinicalSummary(w.tx, w.patient, treatmentEvent(w.patient, day), w.now);
    const administration = (await repo.getAdministration(w.tx, id))!;
    const cumulativeAnthracyclineMgM2 = await repo.cumulativeAnthracycline(w.tx, patientId);
    return {
      result: { ...administration, cumulativeAnthracyclineMgM2 },
      record: 'chemo_administration',
      recordId: id,
      detail: { cycleId, groupKind: input.groupKind, anthracycline: isAnthracycline || undefined, cycleGiven: cycleGiven || undefined },
    };
  });
}
