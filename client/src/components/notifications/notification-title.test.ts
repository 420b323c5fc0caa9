import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n.ts';
import { notificationTitle } from './notification-title.ts';

const opportunity = { id: 'o1', humanId: 'OPP-1042', title: 'Flottentelematik' };
const base = { title: 'server title', closedStatus: null, changedFields: [], activityType: null, activitySubject: null, opportunity };

describe('notificationTitle', () => {
  const de = i18n.getFixedT('de');
  const en = i18n.getFixedT('en');

  it('words each kind in the user’s language from the notification’s data', () => {
    expect(notificationTitle(de, { ...base, kind: 'OPPORTUNITY_CHANGED', closedStatus: 'WON' })).toBe('OPP-1042 Flottentelematik wurde gewonnen');
    expect(notificationTitle(de, { ...base, kind: 'OPPORTUNITY_CHANGED', changedFields: ['stageId', 'amount'] })).toBe(
      'OPP-1042 Flottentelematik: Phase, Betrag geändert',
    );
    expect(notificationTitle(de, { ...base, kind: 'ACTIVITY_ASSIGNED', activityType: 'CALL', activitySubject: 'Rückruf' })).toBe(
      'Anruf für Sie zu OPP-1042 Flottentelematik: Rückruf',
    );
    expect(notificationTitle(de, { ...base, kind: 'ACTIVITY_OVERDUE', activitySubject: 'Angebot' })).toBe('Überfällig: Angebot');
    expect(notificationTitle(en, { ...base, kind: 'OWNER_ASSIGNED' })).toBe('You now own OPP-1042 Flottentelematik');
    expect(notificationTitle(en, { ...base, kind: 'OPPORTUNITY_CHANGED', activityType: 'TASK', activitySubject: 'Angebot' })).toBe(
      'Task added on OPP-1042 Flottentelematik',
    );
  });

  it('keeps the server’s title where the data cannot tell', () => {
    expect(notificationTitle(de, { ...base, kind: 'OPPORTUNITY_CHANGED' })).toBe('server title');
    expect(notificationTitle(de, { ...base, kind: 'OWNER_ASSIGNED', opportunity: null })).toBe('server title');
  });
});
