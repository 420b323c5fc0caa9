import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListColumn } from '../../components/ListTable.tsx';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { documentPaths } from './billing-format.ts';
import type { DocumentKind } from './billing-labels.ts';
import { StatusBadge } from './DocumentParts.tsx';

/** A quote, order or invoice as its lists show it; `date` is the kind's own date (created, ordered, issued). */
export interface DocumentRow {
  id: string;
  number: string;
  title: string;
  status: string;
  overdue?: boolean;
  date: string;
  grossAmount: string;
}

/**
 * The columns the document lists share (the quote, order and invoice pages, and an account's or
 * contact's documents), each list picking the ones it shows; the number opens the document.
 */
export function useDocumentColumns(kind: DocumentKind) {
  const { t } = useTranslation();
  const formats = useFormats();
  const number: ListColumn<DocumentRow> = {
    label: t('billing.columns.number'),
    cell: (row) => (
      <Link to={documentPaths.detail(kind, row.id)} className="table__primary document-number">
        {row.number}
      </Link>
    ),
  };
  const title: ListColumn<DocumentRow> = { label: t('billing.columns.title'), cell: (row) => row.title };
  const account: ListColumn<{ account: { name: string } }> = { label: t('billing.columns.account'), cell: (row) => row.account.name };
  const status: ListColumn<DocumentRow> = { label: t('billing.columns.status'), cell: (row) => <StatusBadge status={row.status} overdue={row.overdue} /> };
  const date: ListColumn<DocumentRow> = { label: t('billing.columns.date'), cell: (row) => formats.day(row.date) };
  const owner: ListColumn<{ owner: { name: string } }> = { label: t('billing.columns.owner'), cell: (row) => row.owner.name };
  const gross: ListColumn<DocumentRow> = { label: t('billing.columns.gross'), numeric: true, cell: (row) => formats.money(row.grossAmount) };
  return { number, title, account, status, date, owner, gross };
}
