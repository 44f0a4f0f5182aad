import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { validationFailed, type FieldError } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { toAgreementViews } from './list-agreements.ts';
import type { AgreementInput } from './meeting-schemas.ts';
import { loadOpenMeeting } from './meeting-rules.ts';
import * as repo from './repo.ts';

/** Records an agreement adopted in a (planned or held) meeting. Someone must answer for it: a person or an area. */
export async function createAgreement(s: Services, ctx: RequestContext, meetingId: string, input: AgreementInput) {
  const errors: FieldError[] = [];
  if (!input.responsibleOfficialId && !input.responsibleArea) {
    errors.push({ field: 'responsibleOfficialId', message: 'indique la persona o el área responsable del acuerdo' });
  }
  if (errors.length) throw validationFailed(errors);
  const id = await s.db.transaction(async (tx) => {
    const meeting = await loadOpenMeeting(tx, meetingId, 'meetingId');
    if (input.responsibleOfficialId && !(await repo.findOfficial(tx, input.responsibleOfficialId))) {
      throw validationFailed([{ field: 'responsibleOfficialId', message: 'no existe ese funcionario' }]);
    }
    if (input.dueMeetingNumber && input.dueMeetingNumber <= meeting.number) {
      throw validationFailed([{ field: 'dueMeetingNumber', message: `debe ser una reunión posterior a la ${meeting.number}` }]);
    }
    if (input.dueDate && input.dueDate < dateInMexico(meeting.scheduledAt)) {
      throw validationFailed([{ field: 'dueDate', message: 'no puede ser anterior a la fecha de la reunión' }]);
    }
    const agreementId = await repo.insertAgreement(tx, {
      meetingId,
      text: input.text,
      responsibleOfficialId: input.responsibleOfficialId ?? null,
      responsibleArea: input.responsibleArea ?? null,
      dueMeetingNumber: input.dueMeetingNumber ?? null,
      dueDate: input.dueDate ?? null,
      createdBy: ctx.actor?.id ?? null,
    });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'agreement', entityId: agreementId, detail: { meeting: meeting.number } })]);
    return agreementId;
  });
  const row = await repo.findAgreement(s.db.orm, id, s.now());
  return (await toAgreementViews(s.db.orm, [row!]))[0]!;
}
