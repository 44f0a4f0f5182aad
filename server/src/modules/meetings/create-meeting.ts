import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, pgErrorCode } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { STANDARD_AGENDA } from './calendar.ts';
import { getMeeting } from './get-meeting.ts';
import type { MeetingInput } from './meeting-schemas.ts';
import { scheduleOf } from './meeting-rules.ts';
import * as repo from './repo.ts';

const numberTaken = (n: number) =>
  conflict('MEETING_NUMBER_TAKEN', `Ya existe la reunión ${n}. Cada reunión tiene un número consecutivo único.`, [{ field: 'number', message: `la reunión ${n} ya existe` }]);

/**
 * Plans a meeting. Cases waiting for a meeting and received up to its Tuesday deadline are taken
 * into it at once, each with the next consecutive code (CE {number}.{sequence}).
 */
export async function createMeeting(s: Services, ctx: RequestContext, input: MeetingInput) {
  const schedule = scheduleOf(input.date, input.time);
  const agenda = input.agenda ?? STANDARD_AGENDA.map((i) => ({ ...i, notes: '' }));
  let id: string;
  try {
    id = await s.db.transaction(async (tx) => {
      const number = input.number ?? (await repo.nextMeetingNumber(tx));
      if (await repo.findMeetingByNumber(tx, number)) throw numberTaken(number);
      const meeting = await repo.insertMeeting(tx, {
        number,
        scheduledAt: schedule.scheduledAt,
        extraordinary: schedule.extraordinary,
        modality: input.modality,
        platform: input.platform ?? null,
        link: input.link ?? null,
        location: input.location ?? null,
        familiesDeadline: schedule.familiesDeadline,
        casesDeadline: schedule.casesDeadline,
        agenda,
        createdBy: ctx.actor?.id ?? null,
      });
      await repo.lockCaseSequence(tx);
      const waiting = await repo.waitingCasesUpTo(tx, meeting.casesDeadline);
      const codes = await repo.assignCodes(tx, meeting, waiting);
      await writeAuditInTx(tx, [
        ctx.auditRow({ action: 'CREATE', entity: 'meeting', entityId: meeting.id, detail: { number, extraordinary: schedule.extraordinary, casesTaken: codes.length } }),
      ]);
      return meeting.id;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      throw input.number ? numberTaken(input.number) : conflict('MEETING_NUMBER_TAKEN', 'Otra persona programó una reunión con el mismo número al mismo tiempo. Vuelva a intentarlo.');
    }
    throw err;
  }
  const detail = await getMeeting(s, ctx, id);
  return { ...detail, warnings: [...schedule.warnings, ...detail.warnings] };
}
