import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { loadVisibleCase, requireCaseWrite } from './case-access.ts';
import { getCase } from './get-case.ts';
import type { CasePatch } from './meeting-schemas.ts';
import { versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';

/** Corrects a case's data (category, title, patient link, hospital) or assigns its responsible official. Version CAS. */
export async function updateCase(s: Services, ctx: RequestContext, caseId: string, input: CasePatch) {
  const { row, access } = await loadVisibleCase(s.db.orm, ctx, caseId, 'UPDATE');
  await requireCaseWrite(ctx, access, row);
  const { version, ...patch } = input;
  if (patch.responsibleOfficialId !== undefined && !access.manage) {
    throw new AppError(403, 'FORBIDDEN', 'Solo la coordinación asigna al funcionario responsable de un caso.');
  }
  if (patch.unitId !== undefined && !access.manage && ctx.visibleUnits !== 'ALL' && !ctx.visibleUnits.includes(patch.unitId)) {
    throw validationFailed([{ field: 'unitId', message: 'solo puede asignar casos a sus unidades' }]);
  }
  await s.db.transaction(async (tx) => {
    const unitId = patch.unitId ?? row.unitId;
    if (patch.unitId && !(await repo.unitName(tx, patch.unitId))) throw validationFailed([{ field: 'unitId', message: 'no existe esa unidad médica' }]);
    if (patch.patientId) {
      const unit = await repo.patientUnit(tx, patch.patientId);
      if (!unit) throw validationFailed([{ field: 'patientId', message: 'no existe ese paciente en el registro' }]);
      if (unit !== unitId) throw validationFailed([{ field: 'patientId', message: 'el paciente se atiende en otra unidad' }]);
    }
    if (patch.responsibleOfficialId && !(await repo.findOfficial(tx, patch.responsibleOfficialId))) {
      throw validationFailed([{ field: 'responsibleOfficialId', message: 'no existe ese funcionario' }]);
    }
    const changes: repo.CaseChanges = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (patch.patientId) changes.patientName = null;
    if (!(await repo.updateCase(tx, caseId, version, changes))) throw versionConflict('el caso', (await repo.currentCaseVersion(tx, caseId)) ?? row.version);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'case', entityId: caseId, unitId, detail: { code: row.code, changed: Object.keys(changes) } })]);
  });
  return getCase(s, ctx, caseId, { audit: false });
}
