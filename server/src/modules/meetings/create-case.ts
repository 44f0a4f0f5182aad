import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission, requireActor } from '../../platform/access/guard.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { AppError, conflict, pgErrorCode, validationFailed } from '../../platform/errors.ts';
import type { Tx } from '../../platform/db/gateway.ts';
import type { Services } from '../../platform/services.ts';
import { getCase } from './get-case.ts';
import type { CaseInput } from './meeting-schemas.ts';
import { loadOpenMeeting, meetingClosed } from './meeting-rules.ts';
import * as repo from './repo.ts';

const codeTaken = (code: string) =>
  conflict('CASE_CODE_TAKEN', `El código CE ${code} ya pertenece a otro caso. Cada caso específico tiene un consecutivo único en todo el proceso.`, [
    { field: 'code', message: `CE ${code} ya existe` },
  ]);

/**
 * Receives a caso específico. It is taken into a meeting at once, with the next consecutive code:
 * the one named (planned or held, never closed), or the planned meeting whose Tuesday deadline the
 * receipt meets. When no such meeting is planned yet, the case waits and gets its code when the
 * meeting is planned.
 */
export async function createCase(s: Services, ctx: RequestContext, input: CaseInput) {
  const actor = await requireActor(ctx, 'case');
  const manage = hasPermission(ctx, 'meetings.manage');
  if (!manage) {
    const units = ctx.visibleUnits;
    if (!hasPermission(ctx, 'cases.write') || (units !== 'ALL' && !units.includes(input.unitId))) {
      await ctx.audit({ action: 'CREATE', entity: 'case', unitId: input.unitId, outcome: 'DENIED', detail: { reason: 'UNIT_NOT_VISIBLE' } });
      throw new AppError(403, 'FORBIDDEN', 'Solo puede registrar casos de los pacientes de sus unidades.');
    }
  }
  if (input.code && !manage) throw validationFailed([{ field: 'code', message: 'solo la coordinación puede registrar un caso con código ya asignado' }]);
  if (!input.patientId && !input.patientName) throw validationFailed([{ field: 'patientName', message: 'indique el paciente del registro o su nombre' }]);
  if (input.responsibleOfficialId && !manage) throw validationFailed([{ field: 'responsibleOfficialId', message: 'solo la coordinación asigna al funcionario responsable' }]);
  const receivedAt = input.receivedAt ?? s.now();
  if (receivedAt.getTime() > s.now().getTime() + 5 * 60_000) throw validationFailed([{ field: 'receivedAt', message: 'no puede ser una fecha futura' }]);
  const explicit = input.code ? parseCode(input.code) : undefined;

  let id: string;
  try {
    id = (await s.db.transaction((tx) => createCaseInTx(tx, ctx, input, { receivedAt, explicit, createdBy: actor.id }))).id;
  } catch (err) {
    if (pgErrorCode(err) === '23505' && explicit) throw codeTaken(`${explicit.meeting}.${explicit.sequence}`);
    throw err;
  }
  return getCase(s, ctx, id, { audit: false });
}

export interface CreatedCase {
  id: string;
  code: string | null;
  meeting: { id: string; number: number; scheduledAt: Date } | null;
}

/**
 * The case's insert and code assignment inside the caller's transaction, for callers that must
 * commit it together with their own writes (the ChatBot marks the message processed in the same
 * transaction). Validates the unit, patient and official; the caller checks who may create it.
 */
export async function createCaseInTx(
  tx: Tx,
  ctx: Pick<RequestContext, 'auditRow'>,
  input: CaseInput,
  opts: { receivedAt: Date; explicit?: { meeting: number; sequence: number }; createdBy: string | null },
): Promise<CreatedCase> {
  const { receivedAt, explicit } = opts;
  if (!(await repo.unitName(tx, input.unitId))) throw validationFailed([{ field: 'unitId', message: 'no existe esa unidad médica' }]);
  if (input.patientId) {
    const unit = await repo.patientUnit(tx, input.patientId);
    if (!unit) throw validationFailed([{ field: 'patientId', message: 'no existe ese paciente en el registro' }]);
    if (unit !== input.unitId) throw validationFailed([{ field: 'unitId', message: 'el paciente se atiende en otra unidad; indique la unidad del registro' }]);
  }
  if (input.responsibleOfficialId && !(await repo.findOfficial(tx, input.responsibleOfficialId))) {
    throw validationFailed([{ field: 'responsibleOfficialId', message: 'no existe ese funcionario' }]);
  }
  await repo.lockCaseSequence(tx);
  let meeting: repo.MeetingRow | undefined;
  if (explicit) {
    meeting = await repo.findMeetingByNumber(tx, explicit.meeting);
    if (!meeting) throw validationFailed([{ field: 'code', message: `no existe la reunión ${explicit.meeting}` }]);
    if (meeting.status === 'CLOSED') throw meetingClosed(meeting.number, 'code');
    const taken = await repo.sequenceTaken(tx, explicit.sequence);
    if (taken) throw codeTaken(taken === `${explicit.meeting}.${explicit.sequence}` ? taken : `${explicit.meeting}.${explicit.sequence} (el consecutivo ${explicit.sequence} es CE ${taken})`);
  } else if (input.meetingId) {
    meeting = await loadOpenMeeting(tx, input.meetingId, 'meetingId');
  } else {
    meeting = await repo.meetingForReceipt(tx, receivedAt);
  }
  const caseId = await repo.insertCase(tx, {
    receivedAt,
    channel: input.channel,
    category: input.category,
    title: input.title,
    description: input.description ?? null,
    patientId: input.patientId ?? null,
    patientName: input.patientId ? null : (input.patientName ?? null),
    unitId: input.unitId,
    reporterName: input.reporterName ?? null,
    reporterPhone: input.reporterPhone ?? null,
    responsibleOfficialId: input.responsibleOfficialId ?? null,
    createdBy: opts.createdBy,
  });
  let code: string | null = null;
  if (meeting && explicit) {
    await repo.setExplicitCode(tx, caseId, meeting, explicit.sequence);
    code = `${meeting.number}.${explicit.sequence}`;
  } else if (meeting) {
    code = (await repo.assignCodes(tx, meeting, [caseId]))[0]!;
  }
  await writeAuditInTx(tx, [
    ctx.auditRow({ action: 'CREATE', entity: 'case', entityId: caseId, unitId: input.unitId, detail: { code, channel: input.channel, category: input.category } }),
  ]);
  return { id: caseId, code, meeting: meeting ? { id: meeting.id, number: meeting.number, scheduledAt: meeting.scheduledAt } : null };
}

function parseCode(code: string): { meeting: number; sequence: number } {
  const [m, q] = code.replace(/^CE\s*/i, '').split('.').map(Number) as [number, number];
  if (!(m > 0 && q > 0)) throw validationFailed([{ field: 'code', message: 'la reunión y el consecutivo deben ser mayores que cero' }]);
  return { meeting: m, sequence: q };
}
