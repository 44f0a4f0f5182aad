import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { meetingInstant } from './calendar.ts';
import { loadVisibleCase, requireCaseWrite } from './case-access.ts';
import { getCase } from './get-case.ts';
import { CASE_STATUS_LABELS } from './labels.ts';
import type { CaseUpdateInput } from './meeting-schemas.ts';
import { loadOpenMeeting, versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';
import type { CaseStatus } from './schema.ts';

/** recibido → en seguimiento → resuelto → cerrado; «no procede» from any open state; a resolved case may reopen. */
const NEXT: Record<CaseStatus, CaseStatus[]> = {
  RECEIVED: ['RECEIVED', 'IN_FOLLOW_UP', 'RESOLVED', 'NOT_APPLICABLE'],
  IN_FOLLOW_UP: ['IN_FOLLOW_UP', 'RESOLVED', 'NOT_APPLICABLE'],
  RESOLVED: ['RESOLVED', 'CLOSED', 'IN_FOLLOW_UP'],
  CLOSED: [],
  NOT_APPLICABLE: [],
};

/** Only coordination closes a case or declares that it does not proceed. */
const COORDINATION_ONLY: CaseStatus[] = ['CLOSED', 'NOT_APPLICABLE'];

/**
 * Records a dated follow-up entry on a case ("se otorgó cita el día 18 de enero"), in a meeting
 * or between meetings, optionally moving its status. Compare-and-swap on the case's version: two
 * people updating at once never lose an update (the second gets 409 and reloads).
 */
export async function recordCaseUpdate(s: Services, ctx: RequestContext, caseId: string, input: CaseUpdateInput) {
  const { row, access } = await loadVisibleCase(s.db.orm, ctx, caseId, 'UPDATE');
  await requireCaseWrite(ctx, access, row);
  const today = dateInMexico(s.now());
  const entryDate = input.entryDate ?? today;
  if (entryDate > today) throw validationFailed([{ field: 'entryDate', message: 'no puede ser una fecha futura' }]);
  const statusTo = input.status ?? (row.status === 'RECEIVED' ? 'IN_FOLLOW_UP' : row.status);
  if (NEXT[row.status].length === 0) {
    throw conflict('CASE_FINISHED', `El caso ${row.code ? `CE ${row.code}` : ''} está ${CASE_STATUS_LABELS[row.status].toLowerCase()}: ya no admite actualizaciones.`.replace('  ', ' '));
  }
  if (!NEXT[row.status].includes(statusTo)) {
    throw validationFailed([{ field: 'status', message: `un caso ${CASE_STATUS_LABELS[row.status].toLowerCase()} no puede pasar a ${CASE_STATUS_LABELS[statusTo].toLowerCase()}` }]);
  }
  if (COORDINATION_ONLY.includes(statusTo) && !access.manage) {
    throw new AppError(403, 'FORBIDDEN', `Solo la coordinación puede marcar un caso como ${CASE_STATUS_LABELS[statusTo].toLowerCase()}.`);
  }
  if (statusTo === 'NOT_APPLICABLE' && !input.statusReason) throw validationFailed([{ field: 'statusReason', message: 'indique por qué el caso no procede' }]);

  // A past entry date dates the resolution at that day's meeting hour; today's entries at this moment.
  const at = entryDate < today ? meetingInstant(entryDate) : s.now();
  const changes: repo.CaseChanges = { status: statusTo };
  if (statusTo === 'RESOLVED' && row.status !== 'RESOLVED') changes.resolvedAt = at;
  if (statusTo === 'IN_FOLLOW_UP' && row.status === 'RESOLVED') changes.resolvedAt = null;
  if (statusTo === 'CLOSED' || statusTo === 'NOT_APPLICABLE') {
    changes.closedAt = at;
    if (statusTo === 'NOT_APPLICABLE') changes.statusReason = input.statusReason ?? null;
  }

  await s.db.transaction(async (tx) => {
    if (input.meetingId) await loadOpenMeeting(tx, input.meetingId, 'meetingId');
    if (input.officialId && !(await repo.findOfficial(tx, input.officialId))) throw validationFailed([{ field: 'officialId', message: 'no existe ese funcionario' }]);
    if (!(await repo.updateCase(tx, caseId, input.version, changes))) {
      throw versionConflict('el caso', (await repo.currentCaseVersion(tx, caseId)) ?? row.version);
    }
    await repo.insertCaseUpdate(tx, {
      caseId,
      meetingId: input.meetingId ?? null,
      entryDate,
      text: input.text,
      officialId: input.officialId ?? null,
      statusFrom: row.status,
      statusTo,
      recordedBy: ctx.actor?.id ?? null,
    });
    await writeAuditInTx(tx, [
      ctx.auditRow({ action: 'UPDATE', entity: 'case', entityId: caseId, unitId: row.unitId, detail: { code: row.code, from: row.status, to: statusTo, meeting: !!input.meetingId } }),
    ]);
  });
  return getCase(s, ctx, caseId, { audit: false });
}
