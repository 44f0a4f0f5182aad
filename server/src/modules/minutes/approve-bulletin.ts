/**
 * Approves a meeting's saved bulletin (DRAFT → APPROVED) at the version the approver read. The
 * meeting must be closed. Safety net: the approval is refused (400 naming the field) when the
 * text holds a surname of a family attendee, a name, CURP or NSS of a child of the meeting's
 * cases, a reporter's name or phone, any CURP, or a case code. The content checked is the content
 * approved: the check reads version N and the compare-and-swap approves only version N.
 */
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { bulletinFindings, storedView } from './get-bulletin.ts';
import { findMeetingOr404, loadProtectedTerms } from './load-meeting-record.ts';
import type { BulletinView } from './minute-schemas.ts';
import * as repo from './repo.ts';
import { approvedLocked } from './save-bulletin.ts';

export async function approveBulletin(s: Services, ctx: RequestContext, meetingId: string, version: number): Promise<BulletinView> {
  const db = s.db.orm;
  const meeting = await findMeetingOr404(db, meetingId);
  if (meeting.status !== 'CLOSED') {
    throw conflict('MEETING_NOT_CLOSED', `La reunión ${meeting.number} aún no está cerrada: el boletín se aprueba después de cerrar la reunión.`);
  }
  const existing = await repo.findBulletin(db, meetingId);
  if (!existing) throw conflict('BULLETIN_NOT_SAVED', 'Guarde el boletín antes de aprobarlo (el borrador generado aún no se ha guardado).');
  if (existing.status === 'APPROVED') throw approvedLocked();
  const stale = () =>
    conflict('VERSION_CONFLICT', 'Otra persona modificó este boletín después de que usted lo leyó. Recárguelo, revíselo y apruébelo de nuevo.', [
      { field: 'version', message: `la versión actual es ${existing.version}` },
    ]);
  if (existing.version !== version) throw stale();

  const terms = await loadProtectedTerms(db, meetingId);
  const errors = bulletinFindings(existing, terms);
  if (errors.length > 0) {
    await ctx.audit({
      action: 'APPROVE',
      entity: 'meeting_bulletin',
      entityId: meetingId,
      outcome: 'DENIED',
      detail: { reason: 'PROTECTED_DATA', fields: errors.map((e) => e.field) },
    });
    throw validationFailed(errors);
  }

  const row = await s.db.transaction(async (tx) => {
    const row = await repo.approveBulletin(tx, { meetingId, expectedVersion: version, actorId: ctx.actor?.id ?? null, now: s.now() });
    if (!row) throw stale();
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'APPROVE', entity: 'meeting_bulletin', entityId: meetingId, detail: { version: row.version } })]);
    return row;
  });
  return storedView(meeting.number, row, terms);
}
