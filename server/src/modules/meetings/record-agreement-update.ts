import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission } from '../../platform/access/guard.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, notFound, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { AGREEMENT_STATUS_LABELS } from './labels.ts';
import { toAgreementViews } from './list-agreements.ts';
import type { AgreementUpdateInput } from './meeting-schemas.ts';
import { loadOpenMeeting, versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';
import type { AgreementStatus } from './schema.ts';

const NEXT: Record<AgreementStatus, AgreementStatus[]> = {
  PENDING: ['PENDING', 'IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

/** A follow-up entry on an agreement (in the "seguimiento de acuerdos" of a meeting or between meetings). */
export async function recordAgreementUpdate(s: Services, ctx: RequestContext, id: string, input: AgreementUpdateInput) {
  const db = s.db.orm;
  const before = await repo.findAgreement(db, id, s.now());
  if (!before) throw notFound('No se encontró el acuerdo.', 'AGREEMENT_NOT_FOUND');
  const own = !!before.responsibleUserId && before.responsibleUserId === ctx.actor?.id;
  if (!hasPermission(ctx, 'meetings.manage') && !own) {
    await ctx.audit({ action: 'UPDATE', entity: 'agreement', entityId: id, outcome: 'DENIED', detail: { reason: 'NOT_RESPONSIBLE' } });
    throw new AppError(403, 'FORBIDDEN', 'Solo la coordinación o el funcionario responsable pueden dar seguimiento a este acuerdo.');
  }
  const statusTo = input.status ?? (before.status === 'PENDING' ? 'IN_PROGRESS' : before.status);
  if (NEXT[before.status].length === 0) throw conflict('AGREEMENT_FINISHED', `El acuerdo ${before.code} está ${AGREEMENT_STATUS_LABELS[before.status].toLowerCase()}: ya no admite seguimiento.`);
  if (!NEXT[before.status].includes(statusTo)) {
    throw validationFailed([{ field: 'status', message: `un acuerdo ${AGREEMENT_STATUS_LABELS[before.status].toLowerCase()} no puede pasar a ${AGREEMENT_STATUS_LABELS[statusTo].toLowerCase()}` }]);
  }
  if (statusTo === 'CANCELLED' && !input.statusReason) throw validationFailed([{ field: 'statusReason', message: 'indique por qué se cancela el acuerdo' }]);
  const today = dateInMexico(s.now());
  const entryDate = input.entryDate ?? today;
  if (entryDate > today) throw validationFailed([{ field: 'entryDate', message: 'no puede ser una fecha futura' }]);
  await s.db.transaction(async (tx) => {
    if (input.meetingId) await loadOpenMeeting(tx, input.meetingId, 'meetingId');
    const ok = await repo.updateAgreementStatus(tx, id, input.version, {
      status: statusTo,
      statusReason: statusTo === 'CANCELLED' ? (input.statusReason ?? null) : before.statusReason,
      completedAt: statusTo === 'DONE' ? s.now() : null,
    });
    if (!ok) throw versionConflict('el acuerdo', (await repo.findAgreement(tx, id, s.now()))?.version ?? before.version);
    await repo.insertAgreementUpdate(tx, { agreementId: id, meetingId: input.meetingId ?? null, entryDate, text: input.text, statusFrom: before.status, statusTo, recordedBy: ctx.actor?.id ?? null });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'agreement', entityId: id, detail: { code: before.code, from: before.status, to: statusTo } })]);
  });
  const row = await repo.findAgreement(db, id, s.now());
  return (await toAgreementViews(db, [row!]))[0]!;
}
