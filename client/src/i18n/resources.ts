import accountsDe from './locales/de/accounts.json';
import activitiesDe from './locales/de/activities.json';
import boardDe from './locales/de/board.json';
import commonDe from './locales/de/common.json';
import contactsDe from './locales/de/contacts.json';
import csvDe from './locales/de/csv.json';
import customerDe from './locales/de/customer.json';
import errorsDe from './locales/de/errors.json';
import layoutDe from './locales/de/layout.json';
import loginDe from './locales/de/login.json';
import notificationsDe from './locales/de/notifications.json';
import opportunityDe from './locales/de/opportunity.json';
import accountsEn from './locales/en/accounts.json';
import activitiesEn from './locales/en/activities.json';
import boardEn from './locales/en/board.json';
import commonEn from './locales/en/common.json';
import contactsEn from './locales/en/contacts.json';
import csvEn from './locales/en/csv.json';
import customerEn from './locales/en/customer.json';
import errorsEn from './locales/en/errors.json';
import layoutEn from './locales/en/layout.json';
import loginEn from './locales/en/login.json';
import notificationsEn from './locales/en/notifications.json';
import opportunityEn from './locales/en/opportunity.json';

// One catalog file per area and language; the file's name is the first part of its keys
// (the board file holds the board keys). A new area adds its two files here, in both objects.

export const en = {
  accounts: accountsEn,
  activities: activitiesEn,
  board: boardEn,
  common: commonEn,
  contacts: contactsEn,
  csv: csvEn,
  customer: customerEn,
  errors: errorsEn,
  layout: layoutEn,
  login: loginEn,
  notifications: notificationsEn,
  opportunity: opportunityEn,
};

export const de: typeof en = {
  accounts: accountsDe,
  activities: activitiesDe,
  board: boardDe,
  common: commonDe,
  contacts: contactsDe,
  csv: csvDe,
  customer: customerDe,
  errors: errorsDe,
  layout: layoutDe,
  login: loginDe,
  notifications: notificationsDe,
  opportunity: opportunityDe,
};
