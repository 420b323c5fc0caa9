import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { describeChange } from '../../components/opportunity/history-format.ts';
import { pipelinePaths } from '../../components/opportunity/paths.ts';
import { Loading, QueryError } from '../../components/QueryStatus.tsx';
import type { TimelineItemFieldsFragment } from '../../gql/graphql.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { documentPaths } from '../billing/billing-format.ts';
import { eventKey, statusKey } from '../billing/billing-labels.ts';
import { AccountTimelineQuery, ContactTimelineQuery } from './record-queries.ts';
import type { RecordSubject } from './record-subject.ts';

const PAGE_SIZE = 25;
const timelineContext = { additionalTypenames: ['Activity', 'Opportunity', 'Quote', 'Order', 'Invoice'] };

/**
 * Everything dated about an account or contact, newest first: activities, the changes of its
 * opportunities (each named, since several share the timeline) and what happened to its quotes,
 * orders and invoices. "Show more" appends older pages.
 */
export function RecordTimeline({ subject, title }: { subject: RecordSubject; title: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return (
    <section className="card" aria-labelledby="record-timeline-title">
      <h2 id="record-timeline-title">{title}</h2>
      <ol className="timeline record-timeline" aria-labelledby="record-timeline-title">
        {cursors.map((after, index) => (
          <TimelinePage
            key={after ?? 'first'}
            subject={subject}
            after={after}
            last={index === cursors.length - 1}
            first={index === 0}
            onMore={(cursor) => setCursors((pages) => [...pages, cursor])}
          />
        ))}
      </ol>
    </section>
  );
}

interface PageProps {
  subject: RecordSubject;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore(cursor: string): void;
}

function TimelinePage({ subject, after, first, last, onMore }: PageProps) {
  const { t } = useTranslation();
  const account = 'accountId' in subject;
  const variables = { id: account ? subject.accountId : subject.contactId, first: PAGE_SIZE, after };
  const [accountPage] = useQuery({ query: AccountTimelineQuery, variables, pause: !account, requestPolicy: 'cache-and-network', context: timelineContext });
  const [contactPage] = useQuery({ query: ContactTimelineQuery, variables, pause: account, requestPolicy: 'cache-and-network', context: timelineContext });
  const { data, error, fetching } = account ? accountPage : contactPage;
  const timeline = account ? accountPage.data?.account?.timeline : contactPage.data?.contact?.timeline;
  const items = useMemo(() => timeline?.edges.map((edge) => edge.node) ?? [], [timeline]);

  if (error && !data) {
    return (
      <li>
        <QueryError error={error} />
      </li>
    );
  }
  if (!timeline) {
    return fetching ? (
      <li>
        <Loading what={t('records.timeline.loading')} />
      </li>
    ) : null;
  }
  return (
    <>
      {items.map((item) => (
        <TimelineEntry key={`${item.kind}-${item.activity?.id ?? item.change?.id ?? item.documentChange?.id}`} item={item} />
      ))}
      {first && items.length === 0 && <li className="muted">{t('records.timeline.empty')}</li>}
      {last && timeline.pageInfo.hasNextPage && timeline.pageInfo.endCursor && (
        <li className="record-timeline__more">
          <button type="button" className="button button--secondary" onClick={() => onMore(timeline.pageInfo.endCursor!)}>
            {t('records.timeline.more')}
          </button>
        </li>
      )}
    </>
  );
}

function TimelineEntry({ item }: { item: TimelineItemFieldsFragment }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const opportunity = item.activity?.opportunity ?? item.change?.opportunity;
  const about = opportunity && (
    <Link to={pipelinePaths.opportunity(opportunity.id)} className="record-timeline__opportunity">
      {opportunity.humanId} {opportunity.title}
    </Link>
  );
  if (item.activity) {
    const { activity } = item;
    return (
      <li className="timeline__item timeline__item--activity" data-testid="timeline-item" data-kind="ACTIVITY">
        <time dateTime={item.at}>{formats.dateTime(item.at)}</time>
        <span>
          <strong>{t(`activities.type.${activity.type}`)}</strong>: {activity.subject}{' '}
          <span className="muted">
            ({t(`activities.status.${activity.status}`)}, {activity.assignee.name})
          </span>
          {activity.outcome && <span className="record-timeline__detail">{activity.outcome}</span>}
          {about && <span className="record-timeline__detail">{about}</span>}
        </span>
      </li>
    );
  }
  if (item.documentChange) return <DocumentEntry at={item.at} change={item.documentChange} />;
  if (!item.change) return null;
  const { label, detail } = describeChange(t, formats, item.change);
  return (
    <li className="timeline__item" data-testid="timeline-item" data-kind="CHANGE">
      <time dateTime={item.at}>{formats.dateTime(item.at)}</time>
      <span>
        <strong>{label}</strong>
        {detail && <>: {detail}</>}
        {item.change.actor && <span className="muted"> · {item.change.actor.name}</span>}
        {about && <span className="record-timeline__detail">{about}</span>}
      </span>
    </li>
  );
}

type DocumentChange = NonNullable<TimelineItemFieldsFragment['documentChange']>;

/** Something that happened to a quote, order or invoice: its number (a link, when the viewer may read it), the event and the status it led to. */
function DocumentEntry({ at, change }: { at: string; change: DocumentChange }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const document = change.quote ?? change.order ?? change.invoice;
  const event = eventKey(change.event);
  return (
    <li className="timeline__item" data-testid="timeline-item" data-kind={change.kind}>
      <time dateTime={at}>{formats.dateTime(at)}</time>
      <span>
        <strong>
          {t(`billing.kind.${change.kind}.one`)}{' '}
          {document && <Link to={documentPaths.detail(change.kind, document.id)}>{document.number}</Link>}
        </strong>
        : {event ? t(event) : change.event}
        {change.fromStatus && change.toStatus && (
          <span className="muted">
            {' '}
            ({t(statusKey(change.fromStatus))} → {t(statusKey(change.toStatus))})
          </span>
        )}
        <span className="muted"> · {change.actor?.name ?? t('billing.detail.automatically')}</span>
      </span>
    </li>
  );
}
