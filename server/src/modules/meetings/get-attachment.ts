import type { RequestContext } from '../../platform/access/context.ts';
import { requirePermission } from '../../platform/access/guard.ts';
import { notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { loadVisibleCase } from './case-access.ts';
import * as repo from './repo.ts';

/** Downloads an attachment: a meeting's evidence needs meetings.read; a case's, access to the case. Audited. */
export async function getAttachment(s: Services, ctx: RequestContext, id: string) {
  const file = await repo.findAttachment(s.db.orm, id);
  if (!file) throw notFound('No se encontró el archivo.', 'ATTACHMENT_NOT_FOUND');
  if (file.ownerType === 'MEETING') await requirePermission(ctx, 'meetings.read', { entity: 'meeting_attachment', entityId: id });
  else await loadVisibleCase(s.db.orm, ctx, file.ownerId, 'READ');
  await ctx.audit({ action: 'READ', entity: file.ownerType === 'MEETING' ? 'meeting_attachment' : 'case_attachment', entityId: id });
  return file;
}
