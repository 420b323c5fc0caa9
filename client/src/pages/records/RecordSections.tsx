import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { RecordCountsFieldsFragment } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import type { DocumentKind } from '../billing/billing-labels.ts';
import { RecordActivities } from './RecordActivities.tsx';
import { RecordDocuments } from './RecordDocuments.tsx';
import { RecordOpportunities } from './RecordOpportunities.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import type { RecordSubject } from './record-subject.ts';
import { RecordTabs, type RecordTab } from './RecordTabs.tsx';
import './records.css';

type TabId = 'timeline' | 'opportunities' | 'contacts' | 'activities' | 'quotes' | 'orders' | 'invoices';

const DOCUMENT_TABS = { quotes: 'QUOTE', orders: 'ORDER', invoices: 'INVOICE' } as const satisfies Record<string, DocumentKind>;

interface Props {
  subject: RecordSubject;
  counts: RecordCountsFieldsFragment;
  /** An account's contacts (its page brings the list); a contact page has none. */
  contacts?: ReactNode;
  /** The account new quotes, orders and invoices are addressed to; null when there is none the viewer can read. */
  documentAccountId: string | null;
}

/**
 * The tabs of an account or contact page, each with its count (seed 000: the kinds of elements,
 * with their number in brackets): the timeline, the opportunities (open and closed), the contacts,
 * the activities, the quotes, orders and invoices. SERVICE users work with neither opportunities
 * nor activities nor documents, so they get only the contacts.
 */
export function RecordSections({ subject, counts, contacts, documentAccountId }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { viewer, worksWithOpportunities } = useViewer();
  if (!viewer) return null;
  const closed = counts.wonOpportunities + counts.lostOpportunities;
  const documentTabs = (Object.keys(DOCUMENT_TABS) as (keyof typeof DOCUMENT_TABS)[]).map((id) => ({
    id,
    label: t(`billing.kind.${DOCUMENT_TABS[id]}.many`),
    count: formats.number(counts[id]),
  }));
  const tabs: RecordTab<TabId>[] = [
    ...(worksWithOpportunities
      ? [
          { id: 'timeline' as const, label: t('records.tabs.timeline') },
          {
            id: 'opportunities' as const,
            label: t('records.tabs.opportunities'),
            count: t('records.tabs.openAndClosed', { open: formats.number(counts.openOpportunities), closed: formats.number(closed) }),
          },
        ]
      : []),
    ...(contacts ? [{ id: 'contacts' as const, label: t('records.tabs.contacts'), count: formats.number(counts.contacts ?? 0) }] : []),
    ...(worksWithOpportunities ? [{ id: 'activities' as const, label: t('records.tabs.activities'), count: formats.number(counts.activities) }, ...documentTabs] : []),
  ];
  if (tabs.length === 0) return null;

  return (
    <RecordTabs label={t('records.tabs.label')} tabs={tabs}>
      {(tab) => {
        switch (tab) {
          case 'timeline':
            return <RecordTimeline subject={subject} title={t('records.tabs.timeline')} />;
          case 'opportunities':
            return <RecordOpportunities subject={subject} counts={{ open: counts.openOpportunities, closed }} />;
          case 'contacts':
            return contacts;
          case 'activities':
            return <RecordActivities subject={subject} title={t('records.tabs.activities')} />;
          default:
            return <RecordDocuments key={tab} kind={DOCUMENT_TABS[tab]} subject={subject} newFor={documentAccountId} />;
        }
      }}
    </RecordTabs>
  );
}
