import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import { useViewer } from '../../hooks/useViewer.ts';
import { KpiFigures } from './KpiFigures.tsx';
import { KpiMyBoardQuery } from './kpi-queries.ts';
import type { TabProps } from './tab-props.ts';
import { useFigureFormats } from './useFigureFormats.ts';

/** My board: the viewer's own revenue, leads, deals, tasks, documents and active customers. */
export function MyBoardTab({ filters, refresh }: TabProps) {
  const { t } = useTranslation();
  const f = useFigureFormats();
  const { viewer } = useViewer();
  const [{ data, error }] = useQuery({ query: KpiMyBoardQuery, variables: { period: filters.variables.period }, requestPolicy: refresh ? 'network-only' : 'cache-and-network' });
  if (error && !data) return <QueryError error={error} />;
  if (!data || !viewer) return <Loading what={t('kpis.title')} />;
  const my = data.kpis.my;
  const mine = (figure: string, kind = 'opportunity') => filters.records(figure, { kind, owner: viewer.id });
  return (
    <KpiFigures
      name="my-board"
      figures={[
        { testId: 'my-revenue', label: t('kpis.my.revenue'), value: f.money(my.revenue.amount), to: mine('OWNED_REVENUE', 'invoice'), numbers: my.revenue },
        { label: t('kpis.my.leads'), value: f.total(my.leads), to: mine('LEADS_OPEN'), numbers: my.leads },
        {
          label: t('kpis.my.deals'),
          value: f.total(my.deals.open),
          detail: `${t('kpis.weighted')} ${f.money(my.deals.open.weightedAmount)}`,
          to: mine('DEALS_OPEN'),
          numbers: my.deals.open,
        },
        {
          label: t('kpis.my.tasks'),
          value: f.count(my.tasks.open),
          detail: t('kpis.activities.overdue', { count: my.tasks.overdue }),
          to: mine('ACTIVITIES_OPEN', 'activity'),
          numbers: { count: my.tasks.open },
        },
        { label: t('kpis.my.quotes'), value: f.total(my.quotes), to: mine('QUOTES_OPEN', 'quote'), numbers: my.quotes },
        { label: t('kpis.my.orders'), value: f.total(my.orders), to: mine('ORDERS_OPEN', 'order'), numbers: my.orders },
        {
          label: t('kpis.my.invoices'),
          value: f.total(my.invoices.open),
          detail: t('kpis.invoices.overdueCount', { count: my.invoices.overdue.count }),
          to: mine('INVOICES_OPEN', 'invoice'),
          numbers: my.invoices.open,
        },
        { testId: 'my-active-accounts', label: t('kpis.my.activeAccounts'), value: f.count(my.activeContacts.accounts), to: mine('ACTIVE', 'account'), numbers: { count: my.activeContacts.accounts } },
        { label: t('kpis.my.activeContacts'), value: f.count(my.activeContacts.contacts), to: mine('ACTIVE', 'contact'), numbers: { count: my.activeContacts.contacts } },
        { label: t('kpis.my.followed'), value: f.count(my.followed.count), to: filters.records('FOLLOWED'), numbers: { count: my.followed.count } },
      ]}
    />
  );
}
