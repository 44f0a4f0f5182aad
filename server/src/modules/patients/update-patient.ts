import { dateInMexico } from '../../platform/time.ts';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, pgErrorCode, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { checkPatientConsistency, curpTakenError } from './create-patient.ts';
import { loadVisiblePatient } from './get-patient.ts';
import type { PatientPatch } from './patient-schemas.ts';
import * as repo from './repo.ts';
import { searchNameOf } from './search-name.ts';

export const versionConflict = (current: number) =>
  conflict('VERSION_CONFLICT', 'Otra persona modificó este paciente mientras lo editaba. Recargue el registro y aplique sus cambios de nuevo.', [
    { field: 'version', message: `la versión actual es ${current}` },
  ]);

/** Corrects demographics (CURP included, re-validated against birth date and sex). Version CAS → 409. */
export async function updatePatient(s: Services, ctx: RequestContext, id: string, input: PatientPatch) {
  const { version, acceptCurpMismatch, ...patch } = input;
  const before = await loadVisiblePatient(s.db.orm, ctx, id, 'UPDATE');
  const merged = { curp: patch.curp ?? before.curp, birthDate: patch.birthDate ?? before.birthDate, sex: patch.sex ?? before.sex, acceptCurpMismatch };
  const errors = checkPatientConsistency(merged, dateInMexico(s.now()));
  if (errors.length) throw validationFailed(errors);
  const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if ('givenNames' in values || 'firstSurname' in values || 'secondSurname' in values) {
    values.searchName = searchNameOf({
      givenNames: patch.givenNames ?? before.givenNames,
      firstSurname: patch.firstSurname ?? before.firstSurname,
      secondSurname: patch.secondSurname !== undefined ? patch.secondSurname : before.secondSurname,
    });
  }
  try {
    return await s.db.transaction(async (tx) => {
      const after = await repo.updatePatient(tx, id, version, values);
      if (!after) throw versionConflict((await repo.findPatientRow(tx, id))?.version ?? before.version);
      const changed = Object.keys(patch).filter((k) => String(before[k as keyof typeof before] ?? '') !== String(after[k as keyof typeof after] ?? ''));
      await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'patient', entityId: id, unitId: after.unitId, detail: { changed } })]);
      return after;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505' && patch.curp) throw await curpTakenError(s.db.orm, ctx, patch.curp);
    throw err;
  }
}
