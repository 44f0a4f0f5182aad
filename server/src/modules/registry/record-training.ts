import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import * as repo from './repo.ts';

export interface TrainingInput {
  unitId: string;
  trainedOn: string;
  modality: 'REMOTE' | 'IN_PERSON';
  peopleTrained: number;
  topic: string;
}

/** Records a training session on the platform for a unit's staff. */
export async function recordTraining(s: Services, ctx: RequestContext, input: TrainingInput) {
  const unit = (await repo.listUnitInfo(s.db.orm)).find((u) => u.id === input.unitId);
  const errors = [];
  if (!unit) errors.push({ field: 'unitId', message: 'no existe una unidad médica con ese identificador' });
  if (input.trainedOn > dateInMexico(s.now())) errors.push({ field: 'trainedOn', message: 'no puede ser una fecha futura' });
  if (errors.length) throw validationFailed(errors);
  return s.db.transaction(async (tx) => {
    const id = await repo.insertTraining(tx, { ...input, recordedBy: ctx.actor?.id ?? null });
    await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'unit_training', entityId: id, unitId: input.unitId, detail: { peopleTrained: input.peopleTrained } })]);
    return { id, ...input, unitName: unit!.shortName };
  });
}
