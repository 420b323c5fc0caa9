import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { DocumentKind } from './billing-labels.ts';
import { documentPaths } from './billing-format.ts';
import { AccountDocumentsQuery } from './billing-queries.ts';
import { StatusBadge } from './DocumentParts.tsx';

/** The latest quotes, orders and invoices of an account, with the way to all of them and to new ones. */
export function AccountDocuments({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { viewer, canCreateCustomers } = useViewer();
  const [{ data }] = useQuery({ query: AccountDocumentsQuery, variables: { id: accountId }, requestPolicy: 'cache-and-network', pause: viewer?.role === 'SERVICE' });
  const account = data?.account;
  if (!account) return null;
  const groups: Array<[DocumentKind, number, Array<{ id: string; number: string; status: string; grossAmount: string; date: string; overdue?: boolean }>]> = [
    ['QUOTE', account.quotes.totalCount, account.quotes.edges.map(({ node }) => ({ ...node, date: node.createdAt.slice(0, 10) }))],
    ['ORDER', account.orders.totalCount, account.orders.edges.map(({ node }) => ({ ...node, date: node.orderDate }))],
    ['INVOICE', account.invoices.totalCount, account.invoices.edges.map(({ node }) => ({ ...node, date: node.issueDate, overdue: node.isOverdue }))],
  ];
  return (
    <section className="card" aria-labelledby="account-documents-title">
      <h2 id="account-documents-title">{t('billing.opportunity.section')}</h2>
      {groups.map(([kind, total, rows]) => (
        <div key={kind} className="document-group">
          <h3>
            <Link to={`${documentPaths.list(kind)}?account=${encodeURIComponent(accountId)}`}>
              {t(`billing.kind.${kind}.many`)} ({total})
            </Link>
            {canCreateCustomers && (
              <Link to={documentPaths.create(kind, { accountId })} className="button button--ghost button--small">
                {t(`billing.kind.${kind}.new`)}
              </Link>
            )}
          </h3>
          <ul className="document-list">
            {rows.map((row) => (
              <li key={row.id}>
                <Link to={documentPaths.detail(kind, row.id)}>{row.number}</Link> <StatusBadge status={row.status} overdue={row.overdue} />{' '}
                <span className="muted">{formats.day(row.date)}</span> <span className="document-list__amount">{formats.money(row.grossAmount)}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
