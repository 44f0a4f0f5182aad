import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { caseAccess, caseView } from './case-access.ts';
import type { CaseListQuery } from './meeting-schemas.ts';
import * as repo from './repo.ts';

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+$/), z.uuid()]);

/** Cases the actor may see, newest received first, filtered in SQL and paged by keyset. Audited. */
export async function listCases(s: Services, ctx: RequestContext, q: CaseListQuery) {
  const access = await caseAccess(s.db.orm, ctx);
  const after = decodeCursor(q.cursor, cursorSchema);
  const rows = await repo.listCases(s.db.orm, access.visible, {
    statuses: q.status,
    meetingNumber: q.meeting,
    unitId: q.unitId,
    category: q.category,
    responsibleOfficialId: q.responsibleOfficialId,
    waiting: q.waiting,
    after: after ? { sortKey: after[0], id: after[1] } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (last) => [last.sortKey, last.id]);
  await ctx.audit({
    action: 'SEARCH',
    entity: 'case',
    detail: { status: q.status ?? null, meeting: q.meeting ?? null, unitId: q.unitId ?? null, results: page.items.length },
  });
  return { items: page.items.map(caseView), nextCursor: page.nextCursor };
}
