import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  label: string;
  months: ReadonlyArray<{ month: number; plan: string; actual: string }>;
  monthNames: readonly string[];
}

/** Plan as bars, actual revenue as a line, per month (echarts, drawn on a canvas). */
export function BudgetChart({ label, months, monthNames }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: 'canvas' });
    // Whole amounts on the axis and in the tooltip; the table below shows the exact ones.
    const money = new Intl.NumberFormat(formats.intlLocale, { style: 'currency', currency: formats.currency, maximumFractionDigits: 0 });
    const plan = t('budgets.plan');
    const actual = t('budgets.actual');
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => money.format(value) },
      legend: { data: [plan, actual], top: 0 },
      grid: { left: 80, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: [...monthNames] },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => money.format(value) } },
      series: [
        { name: plan, type: 'bar', data: months.map((month) => Number(month.plan)), itemStyle: { color: '#93c5fd' } },
        { name: actual, type: 'line', data: months.map((month) => Number(month.actual)), itemStyle: { color: '#15803d' } },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, monthNames, formats, t]);
  return <div ref={element} className="budget-chart" role="img" aria-label={label} data-testid="budget-chart" />;
}
