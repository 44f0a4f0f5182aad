import type { Db } from '../../platform/db/gateway.ts';
import { ICCC3_GROUPS } from './domain/iccc3.ts';
import { kaplanMeierFromCounts } from './domain/survival.ts';
import { forgetRegistryCaches } from './read-cache.ts';
import * as repo from './repo.ts';

/**
 * Definitions shown next to every figure (versioned: change the text → bump the version).
 * Reference: registry-and-domain.md §4 (SIOP PODC abandonment, IMSS < 3 days, CanReg5 case mix).
 */
export const FIGURE_DEFINITIONS = {
  version: 1,
  caseMix: 'Pacientes registrados (sin duplicados fusionados) según el grupo CICI-3 de su primer tumor primario, la banda de edad al diagnóstico y el sexo.',
  timeToTreatment:
    'Días desde el diagnóstico del primer tumor hasta el primer tratamiento registrado (ciclo aplicado, radioterapia, cirugía o trasplante). Meta: menos de 3 días.',
  abandonment:
    'Rechazo: pacientes con intención curativa que no iniciaron el tratamiento. Abandono: pacientes que dejaron el tratamiento curativo (4 o más semanas sin acudir, sin causa médica). Denominador: pacientes con intención curativa.',
  survival:
    'Supervivencia global (Kaplan–Meier) de pacientes pediátricos desde el diagnóstico, por grupo CICI-3; el evento es la defunción, se censura en el último contacto. Intervalos de 30 días; IC 95 % (log-log).',
} as const;

export const AGE_BANDS = ['<1', '1-4', '5-9', '10-14', '15-17', '18-39', '40-59', '60+'] as const;

export interface DashboardPayload {
  definitionsVersion: number;
  caseMix: {
    definition: string;
    count: number;
    denominator: number;
    byIccc: { group: string; name: string; pediatric: number; adult: number }[];
    byAgeBand: { band: string; H: number; M: number }[];
    bySex: { H: number; M: number };
    withoutDiagnosis: number;
  };
  timeToTreatment: {
    definition: string;
    count: number;
    denominator: number;
    percentWithin3Days: number | null;
    medianDays: number | null;
    histogram: { days: string; n: number }[];
  };
  abandonment: {
    definition: string;
    denominator: number;
    refused: number;
    abandoned: number;
    refusalPercent: number | null;
    abandonmentPercent: number | null;
    pediatric: { denominator: number; refused: number; abandoned: number };
    adult: { denominator: number; refused: number; abandoned: number };
  };
  survival: {
    definition: string;
    count: number;
    events: number;
    groups: {
      group: string;
      name: string;
      n: number;
      events: number;
      oneYear: number | null;
      threeYear: number | null;
      points: { day: number; survival: number; lower: number; upper: number; atRisk: number }[];
    }[];
  };
}

type Key = string; // 'national:' | 'state:<name>' | 'unit:<id>'

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

/**
 * Recomputes the dashboard figures for the whole network, every state and every unit, as of
 * `cutoff`, from four aggregate queries (one pass each over the registry), and stores them.
 * Requests read the stored payloads; this runs in the weekly and nightly jobs and on demand.
 */
export async function refreshDashboards(db: Db, cutoff: Date): Promise<number> {
  const units = await repo.listUnitInfo(db);
  const stateOf = new Map(units.map((u) => [u.id, u.state]));
  const keysOf = (unitId: string): Key[] => ['national:', `state:${stateOf.get(unitId) ?? ''}`, `unit:${unitId}`];
  // One after another: `db` may be a transaction (demo load), which is one connection.
  const mix = await repo.caseMixByUnit(db, cutoff);
  const ttt = await repo.timeToTreatmentByUnit(db, cutoff);
  const ab = await repo.abandonmentByUnit(db, cutoff);
  const surv = await repo.survivalCountsByUnit(db, cutoff);
  const acc = new Map<Key, Acc>();
  const get = (k: Key) => acc.get(k) ?? (acc.set(k, newAcc()).get(k) as Acc);
  for (const u of units) keysOf(u.id).forEach(get);
  for (const r of mix) {
    for (const k of keysOf(r.unitId)) {
      const a = get(k);
      a.patients += r.n;
      a.sex[r.sex] += r.n;
      const band = (a.bands[r.ageBand] ??= { H: 0, M: 0 });
      band[r.sex] += r.n;
      if (r.icccGroup) {
        const g = (a.iccc[r.icccGroup] ??= { pediatric: 0, adult: 0 });
        g[r.pediatric ? 'pediatric' : 'adult'] += r.n;
      } else a.withoutDiagnosis += r.n;
    }
  }
  for (const r of ttt) for (const k of keysOf(r.unitId)) get(k).ttt[r.days] = (get(k).ttt[r.days] ?? 0) + r.n;
  for (const r of ab) {
    for (const k of keysOf(r.unitId)) {
      const side = get(k).ab[r.pediatric ? 'pediatric' : 'adult'];
      side.denominator += r.curative;
      side.refused += r.refused;
      side.abandoned += r.abandoned;
    }
  }
  for (const r of surv) {
    for (const k of keysOf(r.unitId)) {
      const g = (get(k).surv[r.icccGroup] ??= new Map());
      const cell = g.get(r.month) ?? { events: 0, censored: 0 };
      cell.events += r.events;
      cell.censored += r.censored;
      g.set(r.month, cell);
    }
  }
  const rows = [...acc.entries()].map(([k, a]) => {
    const [scope, scopeKey] = k.split(/:(.*)/s) as [string, string];
    return { scope, scopeKey, cutoff, payload: toPayload(a) };
  });
  await repo.upsertDashboardSnapshots(db, rows);
  forgetRegistryCaches(db, { dashboards: true });
  return rows.length;
}

interface Side {
  denominator: number;
  refused: number;
  abandoned: number;
}
interface Acc {
  patients: number;
  withoutDiagnosis: number;
  sex: { H: number; M: number };
  bands: Record<string, { H: number; M: number }>;
  iccc: Record<string, { pediatric: number; adult: number }>;
  ttt: Record<number, number>;
  ab: { pediatric: Side; adult: Side };
  surv: Record<string, Map<number, { events: number; censored: number }>>;
}

function newAcc(): Acc {
  return {
    patients: 0,
    withoutDiagnosis: 0,
    sex: { H: 0, M: 0 },
    bands: {},
    iccc: {},
    ttt: {},
    ab: { pediatric: { denominator: 0, refused: 0, abandoned: 0 }, adult: { denominator: 0, refused: 0, abandoned: 0 } },
    surv: {},
  };
}

const HISTOGRAM = [
  { label: '0', from: 0, to: 0 },
  { label: '1', from: 1, to: 1 },
  { label: '2', from: 2, to: 2 },
  { label: '3–7', from: 3, to: 7 },
  { label: '8–14', from: 8, to: 14 },
  { label: '15–30', from: 15, to: 30 },
  { label: '>30', from: 31, to: Infinity },
];

function toPayload(a: Acc): DashboardPayload {
  const tttEntries = Object.entries(a.ttt).map(([d, n]) => [Number(d), n] as const).sort((x, y) => x[0] - y[0]);
  const tttTotal = tttEntries.reduce((s, [, n]) => s + n, 0);
  const within3 = tttEntries.filter(([d]) => d < 3).reduce((s, [, n]) => s + n, 0);
  let median: number | null = null;
  let running = 0;
  for (const [d, n] of tttEntries) {
    running += n;
    if (running * 2 >= tttTotal) {
      median = d;
      break;
    }
  }
  const ab = {
    denominator: a.ab.pediatric.denominator + a.ab.adult.denominator,
    refused: a.ab.pediatric.refused + a.ab.adult.refused,
    abandoned: a.ab.pediatric.abandoned + a.ab.adult.abandoned,
  };
  const groups = ICCC3_GROUPS.map((g) => g.code)
    .filter((g) => a.surv[g])
    .map((g) => {
      const counts = [...a.surv[g]!.entries()].sort((x, y) => x[0] - y[0]).map(([month, c]) => ({ day: month * 30, ...c }));
      const km = kaplanMeierFromCounts(counts);
      const n = counts.reduce((s, c) => s + c.events + c.censored, 0);
      const events = counts.reduce((s, c) => s + c.events, 0);
      // Survival at a horizon only when someone was followed that long; otherwise unknown.
      const maxDay = counts.length ? counts[counts.length - 1]!.day : 0;
      const at = (day: number) => (maxDay < day ? null : km.reduce((sv, p) => (p.day <= day ? p.survival : sv), 1));
      return {
        group: g,
        name: groupName(g),
        n,
        events,
        oneYear: round3(at(360)),
        threeYear: round3(at(1080)),
        points: [{ day: 0, survival: 1, lower: 1, upper: 1, atRisk: n }, ...km.map((p) => ({ day: p.day, survival: round3(p.survival)!, lower: round3(p.lower)!, upper: round3(p.upper)!, atRisk: p.atRisk }))],
      };
    });
  return {
    definitionsVersion: FIGURE_DEFINITIONS.version,
    caseMix: {
      definition: FIGURE_DEFINITIONS.caseMix,
      count: a.patients - a.withoutDiagnosis,
      denominator: a.patients,
      byIccc: ICCC3_GROUPS.map((g) => ({ group: g.code, name: g.name, ...(a.iccc[g.code] ?? { pediatric: 0, adult: 0 }) })),
      byAgeBand: AGE_BANDS.map((band) => ({ band, ...(a.bands[band] ?? { H: 0, M: 0 }) })),
      bySex: a.sex,
      withoutDiagnosis: a.withoutDiagnosis,
    },
    timeToTreatment: {
      definition: FIGURE_DEFINITIONS.timeToTreatment,
      count: within3,
      denominator: tttTotal,
      percentWithin3Days: pct(within3, tttTotal),
      medianDays: median,
      histogram: HISTOGRAM.map((h) => ({ days: h.label, n: tttEntries.filter(([d]) => d >= h.from && d <= h.to).reduce((s, [, n]) => s + n, 0) })),
    },
    abandonment: {
      definition: FIGURE_DEFINITIONS.abandonment,
      ...ab,
      refusalPercent: pct(ab.refused, ab.denominator),
      abandonmentPercent: pct(ab.abandoned, ab.denominator),
      pediatric: a.ab.pediatric,
      adult: a.ab.adult,
    },
    survival: {
      definition: FIGURE_DEFINITIONS.survival,
      count: groups.reduce((s, g) => s + g.n, 0),
      events: groups.reduce((s, g) => s + g.events, 0),
      groups,
    },
  };
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
const groupName = (code: string) => ICCC3_GROUPS.find((g) => g.code === code)?.name ?? code;
