import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export interface StateRow {
  state: string;
  umae: number;
  second: number;
}

/** Same stack as the page (styles/base.css) so ECharts measures labels with the font it renders. */
const CHART_FONT = "'Noto Sans', 'Source Sans 3', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

export const CHART_COLORS = { umae: '#0b4a40', second: '#3a9a8c' };

/** Units per state, stacked by level (UMAE / second level), states with most units on top. */
export default function NetworkChart({ rows }: { rows: StateRow[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const ordered = [...rows].reverse(); // ECharts draws the first category at the bottom
    return {
      aria: { enabled: true, label: { description: t('home.network.chartDescription') } },
      color: [CHART_COLORS.umae, CHART_COLORS.second],
      textStyle: { fontFamily: CHART_FONT, color: '#1f2a2e' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, left: 0, itemGap: 20, textStyle: { fontSize: 13, color: '#1f2a2e' } },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#4a5a60' }, splitLine: { lineStyle: { color: '#e3e8ea' } } },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.state),
        axisLabel: { color: '#1f2a2e', fontSize: 12 },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#9aa8ad' } },
      },
      series: [
        { name: t('units.levels.UMAE'), type: 'bar', stack: 'units', barMaxWidth: 18, data: ordered.map((r) => r.umae) },
        { name: t('units.levels.SECOND_LEVEL'), type: 'bar', stack: 'units', barMaxWidth: 18, data: ordered.map((r) => r.second) },
      ],
    };
  }, [rows, t]);
  const height = Math.max(240, rows.length * 26 + 60);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      className="network-chart"
    />
  );
}
