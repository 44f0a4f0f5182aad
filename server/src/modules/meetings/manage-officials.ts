import type { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { writeAuditInTx } from '../../platform/audit/writer.ts';
import { conflict, notFound, pgErrorCode, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import type { officialInputSchema, officialPatchSchema } from './meeting-schemas.ts';
import * as repo from './repo.ts';

type OfficialInput = z.infer<typeof officialInputSchema>;
type OfficialPatch = z.infer<typeof officialPatchSchema>;

const userLinked = () => conflict('OFFICIAL_USER_TAKEN', 'Esa cuenta de usuario ya está vinculada a otro funcionario.', [{ field: 'userId', message: 'ya está vinculada' }]);

async function checkLinks(s: Services, input: { userId?: string | null; unitId?: string | null }) {
  if (input.userId && !(await repo.userExists(s.db.orm, input.userId))) throw validationFailed([{ field: 'userId', message: 'no existe esa cuenta de usuario' }]);
  if (input.unitId && !(await repo.unitName(s.db.orm, input.unitId))) throw validationFailed([{ field: 'unitId', message: 'no existe esa unidad médica' }]);
}

/** The directory of officials who answer for cases and agreements (meeting participants). */
export async function listOfficials(s: Services, _ctx: RequestContext, activeOnly: boolean) {
  return { items: await repo.listOfficials(s.db.orm, activeOnly) };
}

export async function createOfficial(s: Services, ctx: RequestContext, input: OfficialInput) {
  await checkLinks(s, input);
  try {
    return await s.db.transaction(async (tx) => {
      const row = await repo.insertOfficial(tx, { name: input.name, position: input.position, area: input.area, userId: input.userId ?? null, unitId: input.unitId ?? null });
      await writeAuditInTx(tx, [ctx.auditRow({ action: 'CREATE', entity: 'official', entityId: row.id })]);
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw userLinked();
    throw err;
  }
}

export async function updateOfficial(s: Services, ctx: RequestContext, id: string, input: OfficialPatch) {
  await checkLinks(s, input);
  try {
    return await s.db.transaction(async (tx) => {
      const row = await repo.updateOfficial(tx, id, input);
      if (!row) throw notFound('No se encontró el funcionario.', 'OFFICIAL_NOT_FOUND');
      await writeAuditInTx(tx, [ctx.auditRow({ action: 'UPDATE', entity: 'official', entityId: id, detail: { changed: Object.keys(input) } })]);
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw userLinked();
    throw err;
  }
}
