import type { Viewer } from '../../auth/viewer.ts';
import { canReadSalesRecord } from '../access.ts';
import { activityStatus } from '../activity-queries.ts';
import { computed, linked, linkedAccount, linkedContact, related, text, timestamp, translated, wholeNumber, type ExportCatalog } from './columns.ts';

const TYPES = { CALL: ['Anruf', 'Call'], EMAIL: ['E-Mail', 'E-mail'], MEETING: ['Termin', 'Meeting'], TASK: ['Aufgabe', 'Task'], NOTE: ['Notiz', 'Note'] } as const;
const STATUSES = { OPEN: ['Offen', 'Open'], OVERDUE: ['Überfällig', 'Overdue'], COMPLETED: ['Erledigt', 'Completed'] } as const;

export const activityColumns = (viewer: Viewer, now: Date): ExportCatalog => ({
  columns: [
    translated('type', ['Art', 'Type'], TYPES as never),
    text('subject', ['Betreff', 'Subject']),
    computed('status', ['Status', 'Status'], { doneAt: true, dueAt: true }, (record, locale) => {
      const status = activityStatus(record as never, now);
      return STATUSES[status][locale === 'de' ? 0 : 1];
    }),
    timestamp('dueAt', ['Fällig', 'Due']),
    wholeNumber('durationMinutes', ['Dauer (Minuten)', 'Duration (minutes)']),
    timestamp('doneAt', ['Erledigt am', 'Done at']),
    related('assignee', ['Zuständig', 'Assignee'], 'assignee'),
    linked(
      'opportunity',
      ['Vertriebschance', 'Opportunity'],
      'opportunity',
      ['number', 'title'],
      (opportunity) => canReadSalesRecord(viewer, opportunity),
      (opportunity) => `OPP-${opportunity.number} ${opportunity.title}`,
    ),
    linkedAccount(viewer),
    linkedContact(viewer),
    text('notes', ['Notizen', 'Notes']),
    related('createdBy', ['Angelegt von', 'Created by'], 'createdBy'),
    timestamp('createdAt', ['Angelegt', 'Created']),
  ],
  defaults: ['type', 'subject', 'status', 'dueAt', 'assignee', 'opportunity', 'account', 'contact'],
});
