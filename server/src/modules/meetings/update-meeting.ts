import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico, mexicoWallTime } from '../../platform/time.ts';
import { getMeeting } from './get-meeting.ts';
import type { MeetingPatch } from './meeting-schemas.ts';
import { loadOpenMeeting, scheduleOf, versionConflict } from './meeting-rules.ts';
import * as repo from './repo.ts';

const hhmmOf = (d: Date) => {
  const w = mexicoWallTime(d);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

/** Edits a planned or held meeting: schedule, modality, agenda (and its notes), actual start and end times. */
export async function updateMeeting(s: Services, ctx: RequestContext, id: string, input: MeetingPatch) {
  let warnings: string[] = [];
  await s.db.transaction(async (tx) => {
    const before = await loadOpenMeeting(tx, id, 'id');
    const changes: repo.MeetingChanges = {
      modality: input.modality,
      platform: input.platform,
      link: input.link,
      location: input.location,
      agenda: input.agenda,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
    };
    if (input.date || input.time) {
      if (before.status !== 'PLANNED') throw validationFailed([{ field: 'date', message: 'la fecha solo puede cambiarse antes de iniciar la reunión' }]);
      const schedule = scheduleOf(input.date ?? dateInMexico(before.scheduledAt), input.time ?? hhmmOf(before.scheduledAt));
      Object.assign(changes, {
        scheduledAt: schedule.scheduledAt,
        extraordinary: schedule.extraordinary,
        familiesDeadline: schedule.familiesDeadline,
        casesDeadline: schedule.casesDeadline,
      });
      warnings = schedule.warnings;
    }
    const started = input.startedAt ?? before.startedAt;
    const ended = input.endedAt ?? before.endedAt;
    if (started && ended && ended < started) throw validationFailed([{ field: 'endedAt', message: 'la hora de fin no puede ser anterior a la de inicio' }]);
    const after = await repo.updateMeeting(tx, id, input.version, changes);
    if (!after) throw versionConflict('la reunión', before.version);
    const changed = Object.entries(input).filter(([k, v]) => k !== 'version' && v !== undefined).map(([k]) => k);
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'meeting', entityId: id, detail: { number: after.number, changed } })]);
  });
  const detail = await getMeeting(s, ctx, id);
  return { ...detail, warnings: [...warnings, ...detail.warnings] };
}
