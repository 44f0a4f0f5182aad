/** ECharts options of the follow-up figures, with the registry's palette (registry/charts.ts). */
import { COLORS } from '../../registry/charts.ts';
import type { AgreementCounts, MeetingFiguresPoint, ResolutionGroup } from './api.ts';
import type { FiguresText } from './text.ts';

const axisLabel = { color: COLORS.axis, fontSize: 12 };
const splitLine = { lineStyle: { color: COLORS.grid } };
const narrow = () => typeof window !== 'undefined' && window.innerWidth < 600;
const nf = (lang: string, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });

/** Received, reviewed and resolved cases, grouped bars per meeting. */
export function perMeetingOption(points: MeetingFiguresPoint[], x: FiguresText) {
  return {
    color: [COLORS.primary, COLORS.light, COLORS.gold],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemGap: 16, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => x.meetingShort(p.number)), axisLabel: { ...axisLabel, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    series: [
      { name: x.receivedSeries, type: 'bar', barMaxWidth: 14, data: points.map((p) => p.received) },
      { name: x.reviewedSeries, type: 'bar', barMaxWidth: 14, data: points.map((p) => p.reviewed) },
      { name: x.resolvedSeries, type: 'bar', barMaxWidth: 14, data: points.map((p) => p.resolved) },
    ],
  };
}

/** Median days to resolution per group as horizontal bars, labelled with the days and n. */
export function daysByGroupOption(rows: (ResolutionGroup & { label: string })[], x: FiguresText, lang: string) {
  const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
  const days = (v: number | null) => (v === null ? '—' : nf(lang, 1).format(v));
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const r = ordered[ps[0]?.dataIndex ?? 0];
        if (!r) return '';
        return `<strong>${r.label}</strong><br/>${x.tooltipDays(days(r.medianDays), days(r.p90Days), nf(lang).format(r.n), nf(lang).format(r.openN))}`;
      },
    },
    grid: { left: 8, right: narrow() ? 72 : 110, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine, name: x.days, nameTextStyle: { color: COLORS.axis } },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: '#1f2a2e', width: narrow() ? 110 : 200, overflow: 'truncate' },
      axisLine: { lineStyle: { color: '#9aa8ad' } },
    },
    series: [
      {
        name: x.medianSeries,
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: COLORS.primary },
        data: ordered.map((r) => r.medianDays ?? 0),
        label: {
          show: true,
          position: 'right',
          color: '#1f2a2e',
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const r = ordered[p.dataIndex]!;
            return x.barLabel(days(r.medianDays), nf(lang).format(r.n));
          },
        },
      },
    ],
  };
}

/** Per area: open agreements (within deadline and overdue) and done ones (on time and late), stacked. */
export function agreementsByAreaOption(rows: (AgreementCounts & { area: string })[], x: FiguresText) {
  const ordered = [...rows].reverse();
  const bar = (name: string, stack: string, color: string, data: number[]) => ({
    name,
    type: 'bar',
    stack,
    barMaxWidth: 14,
    itemStyle: { color },
    data,
    label: { show: true, position: 'inside', color: '#fff', fontSize: 11, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0, itemGap: 12, textStyle: { fontSize: 12, color: '#1f2a2e' } },
    grid: { left: 8, right: 16, top: narrow() ? 56 : 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.area),
      axisTick: { show: false },
      axisLabel: { ...axisLabel, color: '#1f2a2e', width: narrow() ? 100 : 180, overflow: 'truncate' },
    },
    series: [
      bar(x.openInTime, 'open', COLORS.teal, ordered.map((r) => r.open - r.overdue)),
      bar(x.overdueSeries, 'open', COLORS.red, ordered.map((r) => r.overdue)),
      bar(x.onTime, 'done', COLORS.primary, ordered.map((r) => r.doneOnTime)),
      bar(x.late, 'done', COLORS.amber, ordered.map((r) => r.doneLate)),
    ],
  };
}
