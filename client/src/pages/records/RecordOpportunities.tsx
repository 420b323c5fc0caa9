import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Pager } from '../../components/Pager.tsx';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { OpportunityStatusFilter } from '../../gql/graphql.ts';
import type { ColumnId } from '../opportunities/list-state.ts';
import { OpportunityTable } from '../opportunities/OpportunityTable.tsx';
import { RecordOpportunitiesQuery } from './record-queries.ts';
import type { RecordSubject } from './record-subject.ts';

const PAGE_SIZE = 10;
const listContext = { additionalTypenames: ['Opportunity'] };

/** An account's or contact's opportunities: the open ones, then the won and lost ones. */
export function RecordOpportunities({ subject, counts }: { subject: RecordSubject; counts: { open: number; closed: number } }) {
  const { t } = useTranslation();
  // On the account's page the account goes without saying, on the contact's the contact.
  const columns: ColumnId[] =
    'accountId' in subject
      ? ['title', 'contact', 'stage', 'owner', 'amount', 'expectedCloseDate', 'status']
      : ['title', 'account', 'stage', 'owner', 'amount', 'expectedCloseDate', 'status'];
  return (
    <>
      <OpportunitySection subject={subject} statuses={OPEN} columns={columns} title={t('records.opportunities.open', { count: counts.open })} testId="open-opportunities" />
      <OpportunitySection subject={subject} statuses={CLOSED} columns={columns} title={t('records.opportunities.closed', { count: counts.closed })} testId="closed-opportunities" />
    </>
  );
}

const OPEN: OpportunityStatusFilter[] = ['OPEN'];
const CLOSED: OpportunityStatusFilter[] = ['WON', 'LOST'];
// Open ones closing soonest first; closed ones most recent first.
const ORDER = { open: { field: 'EXPECTED_CLOSE_DATE', direction: 'ASC' }, closed: { field: 'EXPECTED_CLOSE_DATE', direction: 'DESC' } } as const;

interface SectionProps {
  subject: RecordSubject;
  statuses: OpportunityStatusFilter[];
  columns: ColumnId[];
  title: string;
  testId: string;
}

function OpportunitySection({ subject, statuses, columns, title, testId }: SectionProps) {
  const { t } = useTranslation();
  const [cursor, setCursor] = useState<{ after?: string; before?: string }>({});
  const filter = useMemo(() => ({ ...subject, statuses }), [subject, statuses]);
  const orderBy = statuses === OPEN ? ORDER.open : ORDER.closed;
  const variables = cursor.before ? { filter, orderBy, last: PAGE_SIZE, before: cursor.before } : { filter, orderBy, first: PAGE_SIZE, after: cursor.after ?? null };
  const [{ data, error, fetching }] = useQuery({ query: RecordOpportunitiesQuery, variables, requestPolicy: 'cache-and-network', context: listContext });
  const opportunities = data?.opportunities;
  const rows = useMemo(() => opportunities?.edges.map((edge) => edge.node) ?? [], [opportunities]);
  const headingId = `${testId}-title`;

  return (
    <section className="card" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {error && <QueryError error={error} />}
      {!opportunities && fetching && <Loading what={t('opportunities.loadingList')} />}
      {opportunities && rows.length === 0 && <p className="muted">{t('records.opportunities.none')}</p>}
      {rows.length > 0 && <OpportunityTable rows={rows} columns={columns} label={title} />}
      {opportunities && (
        <Pager label={t('opportunities.pages')} pageInfo={opportunities.pageInfo} onPrevious={(before) => setCursor({ before })} onNext={(after) => setCursor({ after })} />
      )}
    </section>
  );
}
