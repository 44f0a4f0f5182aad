import type { TFunction } from 'i18next';
import type { DashboardFigures, ProgressRow, SurvivalGroup, WeeklyPoint } from '../api/types.ts';
import { formatWeek, progressColor } from './format.ts';

/** Palette from styles/base.css: greens and teal for the main series, gold and greys to contrast. */
export const COLORS = {
  primary: '#0d5c4f',
  teal: '#3a9a8c',
  gold: '#b38e4a',
  light: '#9fcfc6',
  red: '#a4262c',
  amber: '#c98a1b',
  grey: '#8d9ca1',
  axis: '#4a5a60',
  grid: '#e3e8ea',
};
/** Twelve distinguishable colours for the ICCC-3 groups. */
const GROUP_COLORS = ['#0d5c4f', '#b38e4a', '#3a6ea5', '#a4262c', '#6b4c9a', '#3a9a8c', '#c98a1b', '#56676d', '#d16b86', '#2f8f4e', '#8c5a2b', '#1f2a2e'];

const axisLabel = { color: COLORS.axis, fontSize: 12 };
const splitLine = { lineStyle: { color: COLORS.grid } };
/** Phones get shorter category labels (the chart is built once per render). */
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600;
const nf = (lang: string, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });

/** Units by registration progress, the furthest from 100 % on top, with a line at 100 %. */
export function rankingOption(rows: ProgressRow[], t: TFunction, lang: string) {
  const ordered = [...rows].sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0)); // ECharts draws the first category at the bottom
  const max = Math.max(100, ...ordered.map((r) => r.percent ?? 0));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = ordered[ps[0]?.dataIndex ?? 0];
        if (!r) return '';
        return `<strong>${r.name}</strong><br/>${t('registry.tooltipProgress', { registered: nf(lang).format(r.registered), expected: nf(lang).format(r.expected), percent: nf(lang, 1).format(r.percent ?? 0) })}`;
      },
    },
    grid: { left: 8, right: narrow() ? 52 : 96, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: Math.ceil(max / 10) * 10, splitNumber: narrow() ? 2 : 5, axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: '#1f2a2e', width: narrow() ? 100 : 170, overflow: 'truncate' },
      axisLine: { lineStyle: { color: '#9aa8ad' } },
    },
    series: [
      {
        type: 'bar',
        name: t('registry.percentLabel'),
        barMaxWidth: 16,
        data: ordered.map((r) => ({ value: r.percent ?? 0, itemStyle: { color: progressColor(r.percent) } })),
        label: {
          show: true,
          position: 'right',
          color: '#1f2a2e',
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const r = ordered[p.dataIndex]!;
            const pct = `${nf(lang, 1).format(r.percent ?? 0)} %`;
            return narrow() ? pct : `${pct} (${nf(lang).format(r.registered)}/${nf(lang).format(r.expected)})`;
          },
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: COLORS.primary, type: 'dashed', width: 1.5 },
          label: { formatter: t('registry.goal'), color: COLORS.primary, position: 'end' },
          data: [{ xAxis: 100 }],
        },
      },
    ],
  };
}

/** New registrations per week (pediatric and adult stacked) and the registered total against the census. */
export function weeklyOption(series: (WeeklyPoint & { current?: boolean })[], t: TFunction, lang: string, withTotals = true) {
  const x = series.map((p) => (p.current ? t('registry.weekly.current') : formatWeek(p.cutoff, lang)));
  return {
    color: [COLORS.primary, COLORS.light, COLORS.gold, COLORS.grey],
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0, left: 0, itemGap: 16, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: withTotals ? 8 : 16, top: 28, bottom: narrow() ? 64 : 36, containLabel: true },
    xAxis: { type: 'category', data: x, axisLabel: { ...axisLabel, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: t('registry.weekly.axisNew'), nameTextStyle: { color: COLORS.axis, align: 'left' }, minInterval: 1, axisLabel, splitLine },
      ...(withTotals ? [{ type: 'value', name: t('registry.weekly.axisTotal'), nameTextStyle: { color: COLORS.axis, align: 'right' }, minInterval: 1, axisLabel, splitLine: { show: false } }] : []),
    ],
    series: [
      { name: t('registry.weekly.newPediatric'), type: 'bar', stack: 'new', barMaxWidth: 18, data: series.map((p) => p.newPediatricInWeek) },
      { name: t('registry.weekly.newAdult'), type: 'bar', stack: 'new', barMaxWidth: 18, data: series.map((p) => p.newInWeek - p.newPediatricInWeek) },
      ...(withTotals
        ? [
            { name: t('registry.weekly.registered'), type: 'line', yAxisIndex: 1, symbol: 'none', lineStyle: { width: 2.5 }, data: series.map((p) => p.registered) },
            { name: t('registry.weekly.expected'), type: 'line', yAxisIndex: 1, symbol: 'none', lineStyle: { type: 'dashed', width: 1.5 }, data: series.map((p) => p.expected) },
          ]
        : []),
    ],
  };
}

/** Case mix by ICCC-3 group, pediatric and adult stacked. */
export function caseMixOption(f: DashboardFigures['caseMix'], t: TFunction) {
  const rows = [...f.byIccc].reverse();
  return {
    color: [COLORS.primary, COLORS.gold],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    yAxis: {
      type: 'category',
      data: rows.map((r) => `${r.group} · ${r.name}`),
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: '#1f2a2e', width: narrow() ? 120 : 230, overflow: 'truncate' },
    },
    series: [
      { name: t('patients.pediatricPlural'), type: 'bar', stack: 'mix', barMaxWidth: 16, data: rows.map((r) => r.pediatric) },
      { name: t('patients.adultPlural'), type: 'bar', stack: 'mix', barMaxWidth: 16, data: rows.map((r) => r.adult) },
    ],
  };
}

/** "<1" → "< 1 año", "5-9" → "5–9 años", "60+" → "60 años o más". */
export function bandLabel(t: TFunction, band: string): string {
  if (band === '<1') return t('registry.dash.bandInfant');
  if (band.endsWith('+')) return t('registry.dash.bandOver', { band: band.slice(0, -1) });
  return t('registry.dash.band', { band: band.replace('-', '–') });
}

/** Patients by age band at diagnosis, girls and boys side by side. */
export function ageSexOption(f: DashboardFigures['caseMix'], t: TFunction) {
  return {
    color: [COLORS.teal, COLORS.gold],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: f.byAgeBand.map((b) => bandLabel(t, b.band)), axisLabel: { ...axisLabel, interval: 0, rotate: narrow() ? 40 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    series: [
      { name: t('patients.sexLabel.M'), type: 'bar', barMaxWidth: 20, data: f.byAgeBand.map((b) => b.M) },
      { name: t('patients.sexLabel.H'), type: 'bar', barMaxWidth: 20, data: f.byAgeBand.map((b) => b.H) },
    ],
  };
}

/** Days from diagnosis to treatment: the bars under 3 days (the goal) in green. */
export function timeToTreatmentOption(f: DashboardFigures['timeToTreatment'], t: TFunction) {
  const within = (label: string) => label === '0' || label === '1' || label === '2';
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 16, bottom: 24, containLabel: true },
    xAxis: {
      type: 'category',
      data: f.histogram.map((h) => h.days),
      axisLabel: { ...axisLabel, interval: 0 },
      name: t('registry.dash.days'),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: COLORS.axis },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    series: [
      {
        name: t('registry.dash.patients'),
        type: 'bar',
        barMaxWidth: 36,
        data: f.histogram.map((h) => ({ value: h.n, itemStyle: { color: within(h.days) ? COLORS.primary : COLORS.amber } })),
        label: { show: true, position: 'top', color: '#1f2a2e', fontSize: 11 },
      },
    ],
  };
}

/** Refusal and abandonment during treatment as % of patients with curative intent. */
export function abandonmentOption(f: DashboardFigures['abandonment'], t: TFunction, lang: string) {
  const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : 0);
  const cats = [
    { name: t('registry.dash.pediatricShort'), s: f.pediatric },
    { name: t('patients.adultPlural'), s: f.adult },
    { name: t('registry.dash.total'), s: { denominator: f.denominator, refused: f.refused, abandoned: f.abandoned } },
  ];
  return {
    color: [COLORS.gold, COLORS.red],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${nf(lang, 1).format(v)} %` },
    legend: { top: 0, left: 0, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: cats.map((c) => c.name), axisLabel: { ...axisLabel, width: 110, overflow: 'break' } },
    yAxis: { type: 'value', axisLabel: { ...axisLabel, formatter: '{value} %' }, splitLine },
    series: [
      {
        name: t('registry.dash.refusal'),
        type: 'bar',
        barMaxWidth: 28,
        data: cats.map((c) => pct(c.s.refused, c.s.denominator)),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => `${nf(lang, 1).format(p.value)} %` },
      },
      {
        name: t('registry.dash.abandonment'),
        type: 'bar',
        barMaxWidth: 28,
        data: cats.map((c) => pct(c.s.abandoned, c.s.denominator)),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => `${nf(lang, 1).format(p.value)} %` },
      },
    ],
  };
}

/** Kaplan–Meier overall survival by ICCC-3 group, as steps over months since diagnosis. */
export function survivalOption(groups: SurvivalGroup[], t: TFunction, lang: string) {
  const maxDay = Math.max(360, ...groups.flatMap((g) => g.points.map((p) => p.day)));
  return {
    color: GROUP_COLORS,
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesIndex: number; dataIndex: number }) => {
        const g = groups[p.seriesIndex];
        const pt = g?.points[p.dataIndex];
        if (!g || !pt) return '';
        return `<strong>${g.group} · ${g.name}</strong><br/>${t('registry.dash.kmTooltip', {
          months: nf(lang).format(Math.round(pt.day / 30)),
          survival: nf(lang, 1).format(pt.survival * 100),
          lower: nf(lang, 1).format(pt.lower * 100),
          upper: nf(lang, 1).format(pt.upper * 100),
          atRisk: nf(lang).format(pt.atRisk),
        })}`;
      },
    },
    legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { fontSize: 12, color: '#1f2a2e', width: 170, overflow: 'truncate' }, tooltip: { show: true } },
    grid: { left: 8, right: 16, top: 40, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.ceil(maxDay / 180) * 180,
      interval: 180,
      name: t('registry.dash.months'),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: COLORS.axis },
      axisLabel: { ...axisLabel, formatter: (v: number) => String(Math.round(v / 30)) },
      splitLine,
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { ...axisLabel, formatter: (v: number) => `${Math.round(v * 100)} %` }, splitLine },
    series: groups.map((g) => ({
      name: `${g.group} · ${g.name}`,
      type: 'line',
      step: 'end',
      symbol: 'circle',
      symbolSize: 3,
      showSymbol: false,
      lineStyle: { width: 2 },
      data: g.points.map((p) => [p.day, p.survival]),
    })),
  };
}

/** Patients by sex, as a ring. */
export function sexOption(f: DashboardFigures['caseMix'], t: TFunction) {
  return {
    color: [COLORS.teal, COLORS.gold],
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d} %)' },
    legend: { bottom: 0, left: 'center', textStyle: { fontSize: 12, color: '#1f2a2e' } },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: '{d} %', fontSize: 12 },
        data: [
          { name: t('patients.sexLabel.M'), value: f.bySex.M },
          { name: t('patients.sexLabel.H'), value: f.bySex.H },
        ],
      },
    ],
  };
}
