import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { RecordCountsFieldsFragment } from '../../gql/graphql.ts';
import { useViewer } from '../../hooks/useViewer.ts';
import { useFormats } from '../../i18n/LocaleProvider.tsx';
import { RecordActivities } from './RecordActivities.tsx';
import { RecordOpportunities } from './RecordOpportunities.tsx';
import { RecordTimeline } from './RecordTimeline.tsx';
import type { RecordSubject } from './record-subject.ts';
import { RecordTabs, type RecordTab } from './RecordTabs.tsx';
import './records.css';

type TabId = 'timeline' | 'opportunities' | 'contacts' | 'activities';

interface Props {
  subject: RecordSubject;
  counts: RecordCountsFieldsFragment;
  /** An account's contacts (its page brings the list); a contact page has none. */
  contacts?: ReactNode;
}

/**
 * The tabs of an account or contact page, each with its count: the timeline, the opportunities
 * (open and closed), the contacts and the activities. SERVICE users work with neither
 * opportunities nor activities, so they get only the contacts.
 */
export function RecordSections({ subject, counts, contacts }: Props) {
  const { t } = useTranslation();
  const formats = useFormats();
  const { viewer, worksWithOpportunities } = useViewer();
  if (!viewer) return null;
  const closed = counts.wonOpportunities + counts.lostOpportunities;
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
    ...(worksWithOpportunities ? [{ id: 'activities' as const, label: t('records.tabs.activities'), count: formats.number(counts.activities) }] : []),
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
        }
      }}
    </RecordTabs>
  );
}
