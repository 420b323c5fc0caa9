import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

echarts.use([BarChart, LineChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface KpiSeries {
  name: string;
  type: 'bar' | 'line';
  data: number[];
  stack?: string;
}

interface Props {
  label: string;
  categories: string[];
  series: KpiSeries[];
  /** Clicking a bar or point opens the records behind it (the category's index, the series' index). */
  onSelect?: (index: number, seriesIndex: number) => void;
  testId?: string;
}

/** Bars and lines over categories (months, stages, people), amounts in the organisation's currency. */
export function KpiChart({ label, categories, series, onSelect, testId }: Props) {
  const formats = useFormats();
  const element = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const money = new Intl.NumberFormat(formats.intlLocale, { style: 'currency', currency: formats.currency, maximumFractionDigits: 0 });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => money.format(value) },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => money.format(value) } },
      series,
    });
    chart.on('click', (event) => select.current?.(event.dataIndex, event.seriesIndex ?? 0));
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, formats]);
  return <div ref={element} className="kpi-chart" role="img" aria-label={label} data-testid={testId} />;
}
