import type { RequestContext } from '../../platform/access/context.ts';
import type { Db } from '../../platform/db/gateway.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { z } from 'zod';
import type { AgreementListQuery, AgreementView } from './meeting-schemas.ts';
import * as repo from './repo.ts';

/** Agreement rows with their follow-up entries, as the API shows them. */
export async function toAgreementViews(db: Db, rows: repo.AgreementRow[]): Promise<AgreementView[]> {
  const updates = await repo.agreementUpdatesOf(db, [...new Set(rows.map((r) => r.id))]);
  const byAgreement = new Map<string, repo.AgreementUpdateRow[]>();
  for (const u of updates) {
    const list = byAgreement.get(u.agreementId) ?? [];
    list.push(u);
    byAgreement.set(u.agreementId, list);
  }
  return rows.map(({ responsibleUserId: _u, ...a }) => ({
    ...a,
    updates: (byAgreement.get(a.id) ?? []).map(({ agreementId: _a, ...u }) => u),
  }));
}

const cursorSchema = z.tuple([z.number().int(), z.number().int()]);

/** The agreements board: newest meeting first, filtered by status, meeting and overdue. */
export async function listAgreements(s: Services, ctx: RequestContext, q: AgreementListQuery) {
  const after = decodeCursor(q.cursor, cursorSchema);
  const rows = await repo.listAgreements(s.db.orm, s.now(), {
    statuses: q.status,
    meetingNumber: q.meeting,
    overdue: q.overdue,
    after: after ? { meetingNumber: after[0], ordinal: after[1] } : undefined,
    limit: q.limit,
  });
  const page = pageOf(rows, q.limit, (last) => [last.meetingNumber, last.ordinal]);
  await ctx.audit({ action: 'SEARCH', entity: 'agreement', detail: { status: q.status ?? null, meeting: q.meeting ?? null, results: page.items.length } });
  return { items: await toAgreementViews(s.db.orm, page.items), nextCursor: page.nextCursor };
}
