/**
 * Saves staff's edit of a meeting's bulletin: creates it (no version, or 0) or updates the draft
 * with compare-and-swap on `version` (409 when someone else saved first). An approved bulletin is
 * locked: editing it is a 409 (publish a correction through the press office instead).
 */
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { storedView } from './get-bulletin.ts';
import { findMeetingOr404, loadProtectedTerms } from './load-meeting-record.ts';
import type { BulletinInput, BulletinView } from './minute-schemas.ts';
import * as repo from './repo.ts';

export const approvedLocked = () =>
  conflict('BULLETIN_APPROVED', 'El boletín de esta reunión ya fue aprobado y no se puede modificar.');

const versionConflict = (current: number) =>
  conflict('VERSION_CONFLICT', 'Otra persona modificó este boletín mientras lo editaba. Recargue la página y aplique sus cambios de nuevo.', [
    { field: 'version', message: `la versión actual es ${current}` },
  ]);

export async function saveBulletin(s: Services, ctx: RequestContext, meetingId: string, input: BulletinInput): Promise<{ view: BulletinView; created: boolean }> {
  const now = s.now();
  const actorId = ctx.actor?.id ?? null;
  const { meeting, row, created } = await s.db.transaction(async (tx) => {
    const meeting = await findMeetingOr404(tx, meetingId);
    const existing = await repo.findBulletin(tx, meetingId);
    const fields = { meetingId, title: input.title, summary: input.summary, body: input.body, actorId, now };
    if (!existing) {
      if (input.version) throw versionConflict(0);
      const row = await repo.insertBulletin(tx, fields);
      if (!row) throw versionConflict(1);
      await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'meeting_bulletin', entityId: meetingId })]);
      return { meeting, row, created: true };
    }
    if (existing.status === 'APPROVED') throw approvedLocked();
    if (input.version === undefined || input.version !== existing.version) throw versionConflict(existing.version);
    const row = await repo.updateBulletin(tx, { ...fields, expectedVersion: input.version });
    if (!row) throw versionConflict(existing.version);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'meeting_bulletin', entityId: meetingId, detail: { version: row.version } })]);
    return { meeting, row, created: false };
  });
  return { view: storedView(meeting.number, row, await loadProtectedTerms(s.db.orm, meetingId)), created };
}
