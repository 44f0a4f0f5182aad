import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { getMeeting } from './get-meeting.ts';
import { loadOpenMeeting, versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';

/** Planned → held: the session begins (start time recorded; now unless given). */
export async function startMeeting(s: Services, ctx: RequestContext, id: string, input: { version: number; at?: Date }) {
  await s.db.transaction(async (tx) => {
    const before = await loadOpenMeeting(tx, id, 'id');
    if (before.status !== 'PLANNED') throw conflict('MEETING_ALREADY_STARTED', `La reunión ${before.number} ya está en curso.`);
    const after = await repo.updateMeeting(tx, id, input.version, { status: 'HELD', startedAt: input.at ?? s.now() });
    if (!after) throw versionConflict('la reunión', before.version);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'meeting', entityId: id, detail: { number: after.number, status: 'HELD' } })]);
  });
  return getMeeting(s, ctx, id);
}
