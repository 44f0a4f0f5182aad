import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../platform/access/context.ts';
import { hasPermission, requireActor, unitScope } from '../../platform/access/guard.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import type { Services } from '../../platform/services.ts';
import { dateInMexico } from '../../platform/time.ts';
import { CASE_CATEGORY_LABELS } from '../meetings/labels.ts';
import { cases, officials } from '../meetings/schema.ts';
import { DEFAULT_MEETINGS, MAX_MEETINGS_IN_RANGE, type AgreementFigures, type MeetingFigures, type MeetingFiguresQuery, type ResolutionGroup } from './figures-schemas.ts';
import * as repo from './repo.ts';

const RESOLUTION_DEFINITION =
  'Casos tomados en las reuniones del corte. Días de resolución: desde la recepción del caso hasta que se marcó resuelto (o cerrado, si no tiene fecha de resolución); solo casos resueltos o cerrados. Los casos abiertos se cuentan aparte, con los días que llevan abiertos a la fecha. «No procede» no entra en ninguno de los dos.';
const AGREEMENTS_DEFINITION =
  'Acuerdos adoptados en las reuniones del corte. Abiertos: pendientes o en proceso. Vencidos: abiertos cuya fecha límite (o la fecha de la reunión en que debían cumplirse, la que sea antes) ya pasó. A tiempo: cumplidos a más tardar en esa fecha (Ciudad de México).';
const AGREEMENTS_SCOPE_NOTE = 'Los acuerdos no pertenecen a un hospital: se cuentan todos los del corte.';

interface CaseScope {
  kind: MeetingFigures['scope']['kind'];
  unitId: string | null;
  label: string;
  where: SQL;
}

/**
 * Follow-up figures of the weekly meetings over a range of meeting numbers: per meeting, cases
 * received, reviewed and resolved and agreements adopted; days to resolution by category and by
 * hospital; agreements open, overdue and done on time by responsible area. Coordination sees
 * every unit; unit staff only their units' cases; an official only the cases assigned to them.
 */
export async function getMeetingFigures(s: Services, ctx: RequestContext, query: MeetingFiguresQuery): Promise<MeetingFigures> {
  const db = s.db.orm;
  const scope = await caseScopeOf(s, ctx, query.unitId);
  const range = await resolveRange(s, query);
  const now = s.now();
  const today = dateInMexico(now);

  const [points, groups, agreementRows, waiting] = range
    ? await Promise.all([
        repo.perMeeting(db, range, scope.where),
        repo.resolution(db, range, scope.where, now),
        repo.agreementFigures(db, range, today),
        repo.waitingCases(db, scope.where),
      ])
    : [[], [], [], await repo.waitingCases(db, scope.where)];

  const overall = groups.find((g) => g.groupedBy === 'ALL');
  const agreementTotals = agreementRows.find((r) => r.area === null);
  const agreements = {
    definition: AGREEMENTS_DEFINITION,
    scopeNote: AGREEMENTS_SCOPE_NOTE,
    ...agreementCounts(agreementTotals),
    byArea: agreementRows.filter((r) => r.area !== null).map((r) => ({ area: r.area!, ...agreementCounts(r) })),
  };
  const received = overall?.received ?? 0;
  const attended = overall?.attended ?? 0;

  await ctx.audit({
    action: 'READ',
    entity: 'meeting_figures',
    unitId: scope.unitId,
    detail: { from: range?.from ?? null, to: range?.to ?? null, scope: scope.kind },
  });

  return {
    generatedAt: now,
    today,
    range: range ? { ...range, meetings: points.length, label: `Reuniones ${range.from} a ${range.to}` } : null,
    scope: { kind: scope.kind, unitId: scope.unitId, label: scope.label },
    perMeeting: points,
    resolution: {
      definition: RESOLUTION_DEFINITION,
      overall: resolutionGroup(overall),
      byCategory: groups
        .filter((g) => g.groupedBy === 'CATEGORY' && g.category)
        .map((g) => ({ category: g.category!, label: CASE_CATEGORY_LABELS[g.category!] ?? g.category!, ...resolutionGroup(g) })),
      byHospital: groups
        .filter((g) => g.groupedBy === 'UNIT' && g.unitId)
        .map((g) => ({ unitId: g.unitId!, name: g.name ?? '', shortName: g.shortName ?? g.name ?? '', ...resolutionGroup(g) })),
    },
    agreements,
    totals: {
      received,
      open: overall?.open ?? 0,
      resolved: overall?.resolved ?? 0,
      notApplicable: overall?.notApplicable ?? 0,
      attended,
      attendedPercent: received > 0 ? round1((attended / received) * 100) : null,
      waiting,
      agreementsAdopted: agreements.total,
      agreementsOpen: agreements.open,
      agreementsOverdue: agreements.overdue,
    },
  };
}

/**
 * Which cases the figures count, as a SQL condition on `cases`. National coordination
 * (meetings.manage) sees every unit; unit staff (cases.read) their units; an official
 * (cases.follow) the cases assigned to them; anyone else with meetings.read no case at all.
 */
async function caseScopeOf(s: Services, ctx: RequestContext, unitId: string | undefined): Promise<CaseScope> {
  const actor = await requireActor(ctx, 'meeting_figures');
  const all = hasPermission(ctx, 'meetings.manage') || (hasPermission(ctx, 'cases.read') && ctx.visibleUnits === 'ALL');
  if (unitId) {
    const [unit] = await repo.unitNames(s.db.orm, [unitId]);
    if (!unit) throw notFound('No existe una unidad médica con ese identificador.', 'UNIT_NOT_FOUND');
    const visible = all || (hasPermission(ctx, 'cases.read') && ctx.visibleUnits !== 'ALL' && ctx.visibleUnits.includes(unitId));
    if (!visible) {
      await ctx.audit({ action: 'READ', entity: 'meeting_figures', unitId, outcome: 'DENIED', detail: { reason: 'UNIT_NOT_VISIBLE' } });
      throw new AppError(403, 'UNIT_NOT_VISIBLE', 'Solo puede consultar las cifras de los casos de sus unidades.');
    }
    return { kind: 'UNIT', unitId, label: unit.shortName, where: eq(cases.unitId, unitId) };
  }
  if (all) return { kind: 'ALL', unitId: null, label: 'Todas las unidades', where: sql`true` };
  if (hasPermission(ctx, 'cases.read')) {
    const units = ctx.visibleUnits === 'ALL' ? [] : await repo.unitNames(s.db.orm, ctx.visibleUnits);
    const label = units.length === 0 ? 'Sin unidades asignadas' : `${units.length === 1 ? 'Su unidad' : 'Sus unidades'}: ${units.map((u) => u.shortName).join(', ')}`;
    return { kind: 'MY_UNITS', unitId: null, label, where: unitScope(ctx, cases.unitId) };
  }
  if (hasPermission(ctx, 'cases.follow')) {
    const mine = sql`(SELECT ${officials.id} FROM ${officials} WHERE ${officials.userId} = ${actor.id}::uuid)`;
    return { kind: 'ASSIGNED', unitId: null, label: 'Casos a su cargo', where: inArray(cases.responsibleOfficialId, mine) };
  }
  return { kind: 'NONE', unitId: null, label: 'Sin acceso a casos (solo acuerdos)', where: sql`false` };
}

/** from/to as asked, defaulting to the last DEFAULT_MEETINGS held meetings; null before the first one. */
async function resolveRange(s: Services, q: MeetingFiguresQuery): Promise<repo.MeetingRange | null> {
  const db = s.db.orm;
  if (q.from !== undefined && q.to !== undefined) {
    if (q.from > q.to) throw validationFailed([{ field: 'to', message: 'debe ser mayor o igual que la primera reunión (from)' }]);
    if (q.to - q.from + 1 > MAX_MEETINGS_IN_RANGE) {
      throw validationFailed([{ field: 'from', message: `el corte no puede abarcar más de ${MAX_MEETINGS_IN_RANGE} reuniones` }]);
    }
    return { from: q.from, to: q.to };
  }
  if (q.from !== undefined) {
    const latest = await repo.latestHeldFrom(db, q.from);
    return { from: q.from, to: Math.min(Math.max(latest ?? q.from, q.from), q.from + MAX_MEETINGS_IN_RANGE - 1) };
  }
  const numbers = await repo.lastHeldMeetingNumbers(db, DEFAULT_MEETINGS, q.to);
  if (q.to !== undefined) return { from: numbers.length ? Math.min(...numbers) : q.to, to: q.to };
  if (numbers.length === 0) return null;
  return { from: Math.min(...numbers), to: Math.max(...numbers) };
}

function resolutionGroup(g: repo.ResolutionRow | undefined): ResolutionGroup {
  return {
    received: g?.received ?? 0,
    n: g?.n ?? 0,
    medianDays: roundOrNull(g?.medianDays),
    p90Days: roundOrNull(g?.p90Days),
    openN: g?.openN ?? 0,
    openMedianDays: roundOrNull(g?.openMedianDays),
  };
}

function agreementCounts(r: repo.AgreementRow | undefined): AgreementFigures {
  return {
    total: r?.total ?? 0,
    open: r?.open ?? 0,
    overdue: r?.overdue ?? 0,
    done: r?.done ?? 0,
    doneOnTime: r?.doneOnTime ?? 0,
    doneLate: r?.doneLate ?? 0,
    doneWithoutDeadline: r?.doneWithoutDeadline ?? 0,
    cancelled: r?.cancelled ?? 0,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const roundOrNull = (x: number | null | undefined) => (x === null || x === undefined ? null : round1(Number(x)));
