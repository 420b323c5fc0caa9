import type { ParseKeys, TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { columnOrderingFeature, columnVisibilityFeature, createColumnHelper, metaHelper, tableFeatures } from '@tanstack/react-table';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { StaleBadge } from '../../components/opportunity/StaleBadge.tsx';
import { TagList } from '../../components/TagList.tsx';
import type { OpportunityRowFieldsFragment } from '../../gql/graphql.ts';
import type { Formats } from '../../i18n/format.ts';
import { paths } from '../../lib/paths.ts';
import { COLUMN_SORT, type ColumnId, type SortField } from './list-state.ts';

export type OpportunityRow = OpportunityRowFieldsFragment;

interface ColumnMeta {
  /** The API's sort key, for the columns the list can sort by. */
  sortField?: SortField;
  numeric?: boolean;
}

export const tableFeaturesOfList = tableFeatures({ columnVisibilityFeature, columnOrderingFeature, columnMeta: metaHelper<ColumnMeta>() });
const helper = createColumnHelper<typeof tableFeaturesOfList, OpportunityRow>();

/** Each column's name, from the catalog. */
export const COLUMN_LABELS: Record<ColumnId, ParseKeys> = {
  title: 'opportunities.column.title',
  account: 'opportunities.column.account',
  contact: 'opportunities.column.contact',
  kind: 'opportunities.column.kind',
  pipeline: 'opportunities.column.pipeline',
  stage: 'opportunities.column.stage',
  owner: 'opportunities.column.owner',
  team: 'opportunities.column.team',
  amount: 'opportunities.column.amount',
  weightedAmount: 'opportunities.column.weightedAmount',
  probability: 'opportunities.column.probability',
  expectedCloseDate: 'opportunities.column.expectedCloseDate',
  status: 'opportunities.column.status',
  lastActivityAt: 'opportunities.column.lastActivityAt',
  stale: 'opportunities.column.stale',
  source: 'opportunities.column.source',
  tags: 'opportunities.column.tags',
};

const NUMERIC = new Set<ColumnId>(['amount', 'weightedAmount', 'probability']);

const none = <span className="muted">—</span>;

/** What each column shows for a row. */
function cellOf(id: ColumnId, row: OpportunityRow, t: TFunction, formats: Formats): ReactNode {
  switch (id) {
    case 'title':
      return (
        <>
          <Link to={pipelinePaths.opportunity(row.id)} className="table__primary">
            {row.title}
          </Link>{' '}
          <span className="muted opportunity-table__number">{row.humanId}</span>
        </>
      );
    case 'account':
      // Null with an id: the account belongs to another team (README, "Access").
      return row.account ? <Link to={paths.account(row.account.id)}>{row.account.name}</Link> : <span className="muted">{t('common.restrictedAccount')}</span>;
    case 'contact':
      return row.contact ? <Link to={paths.contact(row.contact.id)}>{row.contact.fullName}</Link> : none;
    case 'kind':
      return <span className={`status status--${row.kind.toLowerCase()}`}>{t(`opportunity.kind.${row.kind}`)}</span>;
    case 'pipeline':
      return row.pipeline.name;
    case 'stage':
      return row.stage.name;
    case 'owner':
      return row.owner.name;
    case 'team':
      return row.team.name;
    case 'amount':
      return formats.money(row.amount);
    case 'weightedAmount':
      return formats.money(row.weightedAmount);
    case 'probability':
      return formats.percent(row.probability);
    case 'expectedCloseDate':
      return formats.day(row.expectedCloseDate);
    case 'status':
      return (
        <span className={`status status--${row.status.toLowerCase()}`} data-testid="opportunity-row-status">
          {t(`opportunity.status.${row.status}`)}
        </span>
      );
    case 'lastActivityAt':
      return row.lastActivityAt ? (
        <time dateTime={row.lastActivityAt} title={formats.dateTime(row.lastActivityAt)}>
          {formats.relative(row.lastActivityAt)}
        </time>
      ) : (
        <span className="muted">{t('opportunities.never')}</span>
      );
    case 'stale':
      // Only open deals can go without contact; a closed one's idle days mean nothing.
      if (row.status !== 'OPEN') return none;
      return row.isStale ? <StaleBadge days={row.daysWithoutActivity} /> : t('opportunities.daysIdle', { count: row.daysWithoutActivity });
    case 'source':
      return row.source?.name ?? none;
    case 'tags':
      return <TagList tags={row.tags} />;
  }
}

/** The table's column definitions in the user's language; build once per language (useMemo). */
export function opportunityColumns(t: TFunction, formats: Formats) {
  return helper.columns(
    (Object.keys(COLUMN_LABELS) as ColumnId[]).map((id) =>
      helper.display({
        id,
        header: () => t(COLUMN_LABELS[id]),
        cell: ({ row }) => cellOf(id, row.original, t, formats),
        meta: { sortField: COLUMN_SORT[id], numeric: NUMERIC.has(id) },
      }),
    ),
  );
}
