import type { Viewer } from '../../auth/viewer.ts';
import { isStale, type StaleRule } from '../opportunity-queries.ts';
import {
  computed,
  CREATED_UPDATED,
  day,
  decimal,
  linkedAccount,
  linkedContact,
  OWNER_TEAM_TAGS,
  related,
  text,
  timestamp,
  translated,
  wholeNumber,
  type ExportCatalog,
} from './columns.ts';

/** Opportunity list columns; the importable ones carry the import's headers. */
export const opportunityColumns = (viewer: Viewer, staleRule: StaleRule): ExportCatalog => ({
  columns: [
    computed('number', ['Nummer', 'Number'], { number: true }, (record) => `OPP-${record.number}`),
    text('title', ['Titel', 'Title']),
    linkedAccount(viewer),
    linkedContact(viewer),
    translated('kind', ['Art', 'Kind'], { LEAD: ['Lead', 'Lead'], DEAL: ['Deal', 'Deal'] }),
    related('pipeline', ['Pipeline', 'Pipeline'], 'pipeline'),
    related('stage', ['Phase', 'Stage'], 'stage'),
    translated('status', ['Status', 'Status'], { OPEN: ['Offen', 'Open'], WON: ['Gewonnen', 'Won'], LOST: ['Verloren', 'Lost'] }),
    decimal('amount', ['Betrag', 'Amount']),
    wholeNumber('probability', ['Wahrscheinlichkeit', 'Probability']),
    decimal('weightedAmount', ['Gewichteter Betrag', 'Weighted amount']),
    day('expectedCloseDate', ['Abschlussdatum', 'Close date']),
    day('revenueStartDate', ['Einnahmestart', 'Revenue start']),
    day('deliveryDate', ['Liefertermin', 'Delivery date']),
    day('dealStartDate', ['Dealstart', 'Deal start']),
    related('priority', ['Priorität', 'Priority'], 'priority', 'label'),
    related('source', ['Quelle', 'Source'], 'source'),
    related('forecastCategory', ['Prognose', 'Forecast category'], 'forecastCategory', 'label'),
    text('competitor', ['Wettbewerber', 'Competitor']),
    text('nextStep', ['Nächster Schritt', 'Next step']),
    ...OWNER_TEAM_TAGS,
    related('lossReason', ['Verlustgrund', 'Loss reason'], 'lossReason'),
    timestamp('closedAt', ['Abgeschlossen am', 'Closed at']),
    timestamp('lastActivityAt', ['Letzte Aktivität', 'Last activity']),
    computed('stale', ['Ohne Aktivität', 'Stale'], { status: true, lastActivityAt: true, createdAt: true }, (record, locale) => {
      const stale = isStale(record as never, staleRule);
      return locale === 'de' ? (stale ? 'Ja' : 'Nein') : stale ? 'yes' : 'no';
    }),
    text('description', ['Beschreibung', 'Description']),
    ...CREATED_UPDATED,
  ],
  defaults: ['number', 'title', 'account', 'stage', 'status', 'owner', 'amount', 'probability', 'weightedAmount', 'expectedCloseDate'],
});
