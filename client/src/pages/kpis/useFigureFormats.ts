import { useTranslation } from 'react-i18next';
import { useFormats } from '../../i18n/LocaleProvider.tsx';

/** How the dashboards print money, counts, fractions and days; a missing value is a dash. */
export function useFigureFormats() {
  const formats = useFormats();
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(formats.intlLocale, { style: 'percent', maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(formats.intlLocale, { maximumFractionDigits: 1 });
  return {
    money: formats.money,
    count: (value: number) => formats.number(value),
    rate: (value: number | null | undefined) => (value === null || value === undefined ? '–' : percent.format(value)),
    days: (value: number | null | undefined) => (value === null || value === undefined ? '–' : t('kpis.days', { days: days.format(value) })),
    month: (value: string) => new Intl.DateTimeFormat(formats.intlLocale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)),
    total: (figure: { count: number; amount: string }) => t('kpis.countAmount', { count: figure.count, amount: formats.money(figure.amount) }),
  };
}
