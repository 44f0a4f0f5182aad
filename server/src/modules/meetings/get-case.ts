import type { RequestContext } from '../../platform/access/context.ts';
import type { Services } from '../../platform/services.ts';
import { caseView, loadVisibleCase } from './case-access.ts';
import * as repo from './repo.ts';

/** A case with its whole history (each review, in which meeting, who reported it) and attachments. Audited. */
export async function getCase(s: Services, ctx: RequestContext, id: string, opts: { audit?: boolean } = {}) {
  const db = s.db.orm;
  const { row } = await loadVisibleCase(db, ctx, id, 'READ');
  const [updates, attachments] = await Promise.all([repo.caseUpdatesOf(db, [id]), repo.listAttachments(db, 'CASE', id)]);
  if (opts.audit !== false) await ctx.audit({ action: 'READ', entity: 'case', entityId: id, unitId: row.unitId, detail: { code: row.code } });
  return {
    ...caseView(row),
    updates: updates.map(({ caseId: _c, ...u }) => u),
    attachments: attachments.map(({ ownerId: _o, ownerType: _t, ...f }) => f),
  };
}
