import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import * as repo from './repo.ts';

const cursorSchema = z.object({ id: z.number().int() });

export type QueryAuditInput = Omit<repo.AuditFilter, 'beforeId'> & { cursor?: string | undefined };

/** The bitácora, newest first, filtered by user, entity, action, outcome and date range. */
export async function queryAudit(s: Services, ctx: RequestContext, input: QueryAuditInput) {
  if (input.from && input.to && input.from >= input.to) {
    throw new AppError(400, 'VALIDATION_FAILED', 'El campo «to» debe ser posterior a «from».', {
      errors: [{ field: 'parámetro to', message: 'debe ser posterior a from' }],
    });
  }
  const after = decodeCursor(input.cursor, cursorSchema);
  const rows = await repo.queryAudit(s.db.orm, { ...input, beforeId: after?.id, limit: input.limit + 1 });
  const page = pageOf(rows, input.limit, (r) => ({ id: r.id }));
  await ctx.audit({
    action: 'SEARCH',
    entity: 'audit_log',
    detail: { returned: page.items.length, filters: Object.keys(input).filter((k) => k !== 'limit' && k !== 'cursor' && input[k as keyof QueryAuditInput] !== undefined) },
  });
  return page;
}
