import type { RequestContext } from '../../platform/access/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { computeProgress, type ProgressScope } from './get-progress.ts';
import { refreshDashboards, type DashboardPayload } from './refresh-dashboards.ts';
import { cachedDashboard, cachedUnits } from './read-cache.ts';

const SCOPE_LABELS: Record<ProgressScope, string> = { national: 'Nacional', state: 'Entidad', unit: 'Unidad médica' };

/**
 * The dashboard of a scope: live registration progress (snapshot + this week's tally) and the
 * precomputed figures (case mix, time to treatment, abandonment, survival) of the latest refresh.
 * Unit staff see their units' dashboards; national and state dashboards need a national role.
 */
export async function getDashboard(s: Services, ctx: RequestContext, input: { scope: ProgressScope; id?: string | undefined }) {
  const units = await cachedUnits(s.db.orm);
  let scopeKey = '';
  let scopeName = 'Nacional';
  if (input.scope === 'unit') {
    const unit = units.find((u) => u.id === input.id);
    if (!input.id || !unit) throw notFound('No existe una unidad médica con ese identificador.', 'UNIT_NOT_FOUND');
    if (ctx.visibleUnits !== 'ALL' && !ctx.visibleUnits.includes(unit.id)) await deny(ctx, input);
    scopeKey = unit.id;
    scopeName = unit.shortName;
  } else {
    if (ctx.visibleUnits !== 'ALL') await deny(ctx, input);
    if (input.scope === 'state') {
      if (!input.id || !units.some((u) => u.state === input.id)) throw notFound('No hay unidades de la red en esa entidad.', 'STATE_NOT_FOUND');
      scopeKey = input.id;
      scopeName = input.id;
    }
  }
  let snap = await cachedDashboard(s.db.orm, input.scope, scopeKey);
  if (!snap) {
    // First use of an installation (or a unit added since the last refresh): compute once now.
    await refreshDashboards(s.db.orm, s.now());
    snap = await cachedDashboard(s.db.orm, input.scope, scopeKey);
  }
  const progress = await computeProgress(s, { scope: input.scope, id: input.scope === 'national' ? undefined : scopeKey });
  await ctx.audit({ action: 'READ', entity: 'registry_dashboard', unitId: input.scope === 'unit' ? scopeKey : null, detail: { scope: input.scope } });
  return {
    scope: input.scope,
    scopeKey,
    scopeName,
    scopeLabel: `${SCOPE_LABELS[input.scope]}: ${scopeName}`,
    progress: progress.rows[0]!,
    progressCutoff: progress.cutoff,
    figuresCutoff: snap ? new Date(snap.cutoff) : null,
    computedAt: snap ? new Date(snap.computedAt) : null,
    figures: (snap?.payload ?? null) as DashboardPayload | null,
  };
}

async function deny(ctx: RequestContext, input: { scope: ProgressScope; id?: string | undefined }): Promise<never> {
  await ctx.audit({ action: 'READ', entity: 'registry_dashboard', outcome: 'DENIED', detail: { scope: input.scope, reason: 'SCOPE_NOT_VISIBLE' } });
  throw new AppError(403, 'SCOPE_NOT_VISIBLE', 'Solo puede consultar los tableros de sus unidades.');
}
