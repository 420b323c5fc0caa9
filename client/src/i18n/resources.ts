import accountsDe from './locales/de/accounts.json';
import activitiesDe from './locales/de/activities.json';
import billingDe from './locales/de/billing.json';
import agendaDe from './locales/de/agenda.json';
import boardDe from './locales/de/board.json';
import budgetsDe from './locales/de/budgets.json';
import campaignsDe from './locales/de/campaigns.json';
import commonDe from './locales/de/common.json';
import contactsDe from './locales/de/contacts.json';
import csvDe from './locales/de/csv.json';
import customerDe from './locales/de/customer.json';
import errorsDe from './locales/de/errors.json';
import kpisDe from './locales/de/kpis.json';
import layoutDe from './locales/de/layout.json';
import loginDe from './locales/de/login.json';
import notificationsDe from './locales/de/notifications.json';
import opportunitiesDe from './locales/de/opportunities.json';
import opportunityDe from './locales/de/opportunity.json';
import peopleDe from './locales/de/people.json';
import pipelinesDe from './locales/de/pipelines.json';
import lookupsDe from './locales/de/lookups.json';
import settingsDe from './locales/de/settings.json';
import recordsDe from './locales/de/records.json';
import searchDe from './locales/de/search.json';
import accountsEn from './locales/en/accounts.json';
import activitiesEn from './locales/en/activities.json';
import billingEn from './locales/en/billing.json';
import agendaEn from './locales/en/agenda.json';
import boardEn from './locales/en/board.json';
import budgetsEn from './locales/en/budgets.json';
import campaignsEn from './locales/en/campaigns.json';
import commonEn from './locales/en/common.json';
import contactsEn from './locales/en/contacts.json';
import csvEn from './locales/en/csv.json';
import customerEn from './locales/en/customer.json';
import errorsEn from './locales/en/errors.json';
import kpisEn from './locales/en/kpis.json';
import layoutEn from './locales/en/layout.json';
import loginEn from './locales/en/login.json';
import notificationsEn from './locales/en/notifications.json';
import opportunitiesEn from './locales/en/opportunities.json';
import opportunityEn from './locales/en/opportunity.json';
import peopleEn from './locales/en/people.json';
import pipelinesEn from './locales/en/pipelines.json';
import lookupsEn from './locales/en/lookups.json';
import settingsEn from './locales/en/settings.json';
import recordsEn from './locales/en/records.json';
import searchEn from './locales/en/search.json';

// One catalog file per area and language; the file's name is the first part of its keys
// (the board file holds the board keys). A new area adds its two files here, in both objects.

export const en = {
  accounts: accountsEn,
  activities: activitiesEn,
  billing: billingEn,
  agenda: agendaEn,
  board: boardEn,
  budgets: budgetsEn,
  campaigns: campaignsEn,
  common: commonEn,
  contacts: contactsEn,
  csv: csvEn,
  customer: customerEn,
  errors: errorsEn,
  kpis: kpisEn,
  layout: layoutEn,
  login: loginEn,
  notifications: notificationsEn,
  opportunities: opportunitiesEn,
  opportunity: opportunityEn,
  // The settings area.
  settings: settingsEn,
  people: peopleEn,
  pipelines: pipelinesEn,
  lookups: lookupsEn,
  records: recordsEn,
  search: searchEn,
};

export const de: typeof en = {
  accounts: accountsDe,
  activities: activitiesDe,
  billing: billingDe,
  agenda: agendaDe,
  board: boardDe,
  budgets: budgetsDe,
  campaigns: campaignsDe,
  common: commonDe,
  contacts: contactsDe,
  csv: csvDe,
  customer: customerDe,
  errors: errorsDe,
  kpis: kpisDe,
  layout: layoutDe,
  login: loginDe,
  notifications: notificationsDe,
  opportunities: opportunitiesDe,
  opportunity: opportunityDe,
  settings: settingsDe,
  people: peopleDe,
  pipelines: pipelinesDe,
  lookups: lookupsDe,
  records: recordsDe,
  search: searchDe,
};
