import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext } from '../../platform/access/context.ts';
import { unitScope } from '../../platform/access/guard.ts';
import { decodeCursor, pageOf } from '../../platform/http/paging.ts';
import type { Services } from '../../platform/services.ts';
import { patients } from './schema.ts';
import * as repo from './repo.ts';
import { normalizeForSearch } from './search-name.ts';

const cursorSchema = z.object({ n: z.string(), id: z.uuid() });

export interface SearchPatientsInput {
  q?: string | undefined;
  unitId?: string | undefined;
  status?: string | undefined;
  pediatric?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

const CURP_PREFIX = /^[A-Z]{4}\d{0,6}[A-Z0-9]{0,8}$/;

/** What kind of text the user typed: a CURP (or its start), an NSS, or a name. */
export function classifyQuery(raw: string): { curp?: string; curpPrefix?: string; nss?: string; name?: string } {
  const q = raw.trim();
  const upper = q.toUpperCase().replace(/\s+/g, '');
  if (/^\d{11}$/.test(upper)) return { nss: upper };
  if (upper.length === 18 && CURP_PREFIX.test(upper)) return { curp: upper };
  if (upper.length >= 10 && CURP_PREFIX.test(upper) && /\d{6}/.test(upper)) return { curpPrefix: upper };
  return { name: normalizeForSearch(q) };
}

/**
 * Patient search over the units the request may see: CURP, NSS or name (accents ignored; when a
 * name prefix finds nothing, a typo-tolerant trigram match answers instead, flagged `fuzzy`).
 * Keyset paging in name order. The audit records which records were listed, not the query.
 */
export async function searchPatients(s: Services, ctx: RequestContext, input: SearchPatientsInput) {
  const after = decodeCursor(input.cursor, cursorSchema);
  const scope = unitScope(ctx, patients.unitId);
  const kind = input.q ? classifyQuery(input.q) : {};
  const filters = { unitId: input.unitId, status: input.status, pediatric: input.pediatric };
  const rows = await repo.searchPatients(s.db.orm, {
    scope,
    ...filters,
    curp: kind.curp,
    curpPrefix: kind.curpPrefix,
    nss: kind.nss,
    namePrefix: kind.name || undefined,
    after,
    limit: input.limit + 1,
  });
  let page = pageOf(rows, input.limit, (p) => ({ n: p.searchName!, id: p.id }));
  let fuzzy = false;
  if (page.items.length === 0 && !after && kind.name && kind.name.length >= 3) {
    const extra = sql.join(
      [
        sql`true`,
        ...(filters.unitId ? [sql`patients.unit_id = ${filters.unitId}::uuid`] : []),
        ...(filters.status ? [sql`patients.treatment_status = ${filters.status}`] : []),
        ...(filters.pediatric !== undefined ? [sql`patients.pediatric = ${filters.pediatric}`] : []),
      ],
      sql` AND `,
    );
    page = { items: await repo.fuzzySearchPatients(s.db.orm, scope, kind.name, Math.min(input.limit, 20), extra), nextCursor: null };
    fuzzy = page.items.length > 0;
  }
  await ctx.audit({
    action: 'SEARCH',
    entity: 'patient',
    detail: { by: Object.keys(kind)[0] ?? 'filters', returned: page.items.length, fuzzy: fuzzy || undefined, ids: page.items.map((p) => p.id) },
  });
  return { items: page.items.map(({ searchName: _omit, ...p }) => p), nextCursor: page.nextCursor, fuzzy };
}
