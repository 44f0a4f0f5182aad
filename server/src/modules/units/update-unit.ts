import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { forgetUnitBrief } from './get-unit-brief.ts';
import * as repo from './repo.ts';
import type { unitPatchSchema } from './unit-schemas.ts';

/**
 * Edits a unit, or deactivates/reactivates it (`active`). Units are never deleted: patients and
 * history point at them. A stale `version` is a 409, so two admins never overwrite each other.
 */
export async function updateUnit(s: Services, ctx: RequestContext, id: string, input: z.output<typeof unitPatchSchema>) {
  const { version, ...patch } = input;
  const updated = await s.db.transaction(async (tx) => {
    const before = await repo.findUnit(tx, id);
    if (!before) throw notFound('No existe una unidad médica con ese identificador.', 'UNIT_NOT_FOUND');
    const after = await repo.updateUnit(tx, id, version, patch);
    if (!after) {
      throw conflict(
        'VERSION_CONFLICT',
        'Otra persona modificó esta unidad mientras la editaba. Recargue la página y aplique sus cambios de nuevo.',
        [{ field: 'version', message: `la versión actual es ${before.version}` }],
      );
    }
    const changed = Object.keys(patch).filter((k) => String(before[k as keyof typeof before]) !== String(after[k as keyof typeof after]));
    const action = patch.active === false && before.active ? 'DEACTIVATE' : patch.active === true && !before.active ? 'REACTIVATE' : 'UPDATE';
    await writeAuditInTx(tx, [ctx.auditRow({ action, entity: 'unit', entityId: id, unitId: id, detail: { changed } })]);
    return after;
  });
  forgetUnitBrief(id);
  return updated;
}
