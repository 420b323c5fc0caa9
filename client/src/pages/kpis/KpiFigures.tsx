import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetColumn } from '../../lib/widget-csv.ts';
import { FigureCard } from './FigureCard.tsx';
import { KpiWidget } from './KpiWidget.tsx';

/** A key figure as its CSV row writes it: the numbers behind the card's text. */
export interface FigureNumbers {
  count?: number | null;
  amount?: string | null;
  rate?: number | null;
  days?: number | null;
}

export type KpiFigure = ComponentProps<typeof FigureCard> & { numbers: FigureNumbers };

type Row = FigureNumbers & { label: string };

/** A tab's key figures as cards, exported as one row per figure (count, amount, rate, days). */
export function KpiFigures({ name, figures }: { name: string; figures: KpiFigure[] }) {
  const { t } = useTranslation();
  const columns: WidgetColumn<Row>[] = [
    { header: t('kpis.csv.figure'), kind: 'text', value: (row) => row.label },
    { header: t('kpis.csv.count'), kind: 'count', value: (row) => row.count },
    { header: t('kpis.amount'), kind: 'money', value: (row) => row.amount },
    { header: t('kpis.csv.rate'), kind: 'rate', value: (row) => row.rate },
    { header: t('kpis.csv.days'), kind: 'days', value: (row) => row.days },
  ];
  return (
    <KpiWidget title={t('kpis.figures')} name={name} columns={columns} rows={figures.map(({ label, numbers }) => ({ label, ...numbers }))}>
      <div className="kpi-grid">
        {figures.map((card) => (
          <FigureCard key={card.label} label={card.label} value={card.value} detail={card.detail} to={card.to} more={card.more} testId={card.testId} />
        ))}
      </div>
    </KpiWidget>
  );
}
