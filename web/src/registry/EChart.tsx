import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer]);

/** Same stack as the page (styles/base.css) so ECharts measures labels with the font it renders. */
export const CHART_FONT = "'Noto Sans', 'Source Sans 3', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/**
 * One ECharts chart drawn as SVG (crisp on any screen, readable by tests), with the page's font
 * and an ARIA description. Loaded lazily: the charts library is only fetched on pages with charts.
 */
export default function EChart({ option, height, description, className }: { option: Record<string, unknown>; height: number; description: string; className?: string }) {
  const full = {
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: CHART_FONT, color: '#1f2a2e' },
    animationDuration: 300,
    ...option,
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={full}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height, width: '100%' }}
      className={`echart ${className ?? ''}`}
    />
  );
}
