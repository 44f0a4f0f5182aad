/** ECharts options of the ChatBot figures, with the registry's palette (registry/charts.ts). */
import { COLORS } from '../../registry/charts.ts';

const axisLabel = { color: COLORS.axis, fontSize: 12 };
const splitLine = { lineStyle: { color: COLORS.grid } };

/** "17/11" from "2026-11-17". */
const shortDay = (ymd: string) => `${ymd.slice(8, 10)}/${ymd.slice(5, 7)}`;

/** Bars per day, one series per entry (grouped, or stacked with `stack`). */
export function dailyBarsOption(days: string[], series: { name: string; color: string; data: number[]; stack?: string }[]) {
  return {
    color: series.map((s) => s.color),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: series.length > 1 ? { top: 0, left: 0, itemGap: 16, textStyle: { fontSize: 12, color: '#1f2a2e' } } : undefined,
    grid: { left: 8, right: 8, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map(shortDay), axisLabel: { ...axisLabel, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1, axisLabel, splitLine },
    series: series.map((s) => ({ name: s.name, type: 'bar', barMaxWidth: 14, data: s.data, ...(s.stack ? { stack: s.stack } : {}) })),
  };
}

export { COLORS };
