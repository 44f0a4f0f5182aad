import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, pgErrorCode, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { AttendeeInput } from './meeting-schemas.ts';
import { describeInstant, loadOpenMeeting } from './meeting-rules.ts';
import * as repo from './repo.ts';

/**
 * Adds an official or a family member to a meeting's list. Families send their list by the
 * Tuesday before: after that, a family member is refused unless the coordinator confirms the late
 * entry (acceptLate), and the entry stays flagged as late.
 */
export async function addAttendee(s: Services, ctx: RequestContext, meetingId: string, input: AttendeeInput) {
  try {
    return await s.db.transaction(async (tx) => {
      const meeting = await loadOpenMeeting(tx, meetingId, 'meetingId');
      let row: repo.AttendeeRow;
      if (input.kind === 'OFFICIAL') {
        const official = await repo.findOfficial(tx, input.officialId);
        if (!official) throw validationFailed([{ field: 'officialId', message: 'no existe ese funcionario' }]);
        row = await repo.insertAttendee(tx, {
          meetingId,
          kind: 'OFFICIAL',
          officialId: official.id,
          name: official.name,
          surnames: null,
          position: official.position,
          area: official.area,
          relationship: null,
          unitId: official.unitId,
          patientId: null,
          late: false,
          attended: input.attended ?? null,
          createdBy: ctx.actor?.id ?? null,
        });
      } else {
        const late = s.now() > meeting.familiesDeadline;
        if (late && !input.acceptLate) {
          throw new AppError(
            422,
            'FAMILIES_DEADLINE_PASSED',
            `La lista de participantes de las familias para la reunión ${meeting.number} cerró el ${describeInstant(meeting.familiesDeadline)}. Si aun así debe registrarse, confírmelo como registro extemporáneo.`,
            { errors: [{ field: 'acceptLate', message: 'confirme el registro extemporáneo' }] },
          );
        }
        if (!(await repo.unitName(tx, input.unitId))) throw validationFailed([{ field: 'unitId', message: 'no existe esa unidad médica' }]);
        if (input.patientId && !(await repo.patientUnit(tx, input.patientId))) throw validationFailed([{ field: 'patientId', message: 'no existe ese paciente' }]);
        row = await repo.insertAttendee(tx, {
          meetingId,
          kind: 'FAMILY',
          officialId: null,
          name: input.name,
          surnames: input.surnames ?? null,
          position: null,
          area: null,
          relationship: input.relationship,
          unitId: input.unitId,
          patientId: input.patientId ?? null,
          late,
          attended: input.attended ?? null,
          createdBy: ctx.actor?.id ?? null,
        });
      }
      await writeAuditInTx(tx, [
        ctx.auditRow({ action: 'CREATE', entity: 'meeting_attendee', entityId: row.id, detail: { meeting: meeting.number, kind: row.kind, late: row.late } }),
      ]);
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw conflict('ATTENDEE_DUPLICATE', 'Ese funcionario ya está en la lista de esta reunión.', [{ field: 'officialId', message: 'ya está en la lista' }]);
    throw err;
  }
}
