import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { MONTHS, T } from './texts.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  label: string;
  months: ReadonlyArray<{ month: number; plan: string; actual: string }>;
}

/** Plan as bars, actual revenue as a line, per month (echarts, drawn on a canvas). */
export function BudgetChart({ label, months }: Props) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => money.format(value) },
      legend: { data: [T.plan, T.actual], top: 0 },
      grid: { left: 80, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: MONTHS },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => money.format(value) } },
      series: [
        { name: T.plan, type: 'bar', data: months.map((month) => Number(month.plan)), itemStyle: { color: '#93c5fd' } },
        { name: T.actual, type: 'line', data: months.map((month) => Number(month.actual)), itemStyle: { color: '#15803d' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months]);
  return <div ref={element} className="budget-chart" role="img" aria-label={label} data-testid="budget-chart" />;
}
