import type { RequestContext } from '../../platform/access/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

export async function getUser(s: Services, ctx: RequestContext, id: string) {
  const user = await repo.getUserView(s.db.orm, id);
  if (!user) throw notFound('No existe una cuenta con ese identificador.', 'USER_NOT_FOUND');
  await ctx.audit({ action: 'READ', entity: 'user', entityId: id });
  return user;
}
