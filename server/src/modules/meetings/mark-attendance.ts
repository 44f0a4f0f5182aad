import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { loadOpenMeeting } from './meeting-rules.ts';
import * as repo from './repo.ts';

/** Marks whether a listed person attended (during the meeting, or before it is closed). */
export async function markAttendance(s: Services, ctx: RequestContext, meetingId: string, attendeeId: string, attended: boolean) {
  return s.db.transaction(async (tx) => {
    const meeting = await loadOpenMeeting(tx, meetingId, 'meetingId');
    const row = await repo.setAttended(tx, meetingId, attendeeId, attended);
    if (!row) throw notFound('Esa persona no está en la lista de esta reunión.', 'ATTENDEE_NOT_FOUND');
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'meeting_attendee', entityId: attendeeId, detail: { meeting: meeting.number, attended } })]);
    return row;
  });
}
