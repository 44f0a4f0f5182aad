import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { getMeeting } from './get-meeting.ts';
import { loadOpenMeeting, versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';

/**
 * Held → closed: the end time is recorded and the meeting's record freezes (no more cases,
 * updates, attendance or agreements in it). Open cases carry over to the next meeting's agenda.
 */
export async function closeMeeting(s: Services, ctx: RequestContext, id: string, input: { version: number; at?: Date }) {
  await s.db.transaction(async (tx) => {
    const before = await loadOpenMeeting(tx, id, 'id');
    if (before.status !== 'HELD') throw conflict('MEETING_NOT_STARTED', `La reunión ${before.number} no se ha iniciado: iníciela antes de cerrarla.`);
    const endedAt = before.endedAt ?? input.at ?? s.now();
    if (before.startedAt && endedAt < before.startedAt) throw validationFailed([{ field: 'at', message: 'la hora de fin no puede ser anterior a la de inicio' }]);
    const after = await repo.updateMeeting(tx, id, input.version, { status: 'CLOSED', endedAt, closedAt: s.now() });
    if (!after) throw versionConflict('la reunión', before.version);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'meeting', entityId: id, detail: { number: after.number, status: 'CLOSED' } })]);
  });
  return getMeeting(s, ctx, id);
}
