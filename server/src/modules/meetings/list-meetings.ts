import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';
import type { MeetingStatus } from './schema.ts';

/** Meetings, newest number first (keyset on number), with their case and agreement counts. */
export async function listMeetings(s: Services, _ctx: RequestContext, q: { status?: MeetingStatus; cursor?: string; limit: number }) {
  const before = decodeCursor(q.cursor, z.number().int());
  const rows = await repo.listMeetings(s.db.orm, { status: q.status, beforeNumber: before, limit: q.limit });
  const page = pageOf(rows, q.limit, (last) => last.number);
  return { items: page.items.map(({ casesDeadline: _c, closedAt: _x, agenda: _a, ...m }) => m), nextCursor: page.nextCursor };
}
