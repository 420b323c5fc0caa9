import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Opportunity, Pipeline, PrismaClient, Stage } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertContact, insertOpportunity, insertPipeline } from '../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { ValidationError } from './errors.ts';
import {
  OPPORTUNITY_SORT_FIELDS,
  opportunityListWhere,
  opportunityOrderBy,
  type OpportunityFilter,
  type OpportunitySortField,
} from './opportunity-queries.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};
let leads: Pipeline & { stages: Stage[] };
let deals: Pipeline & { stages: Stage[] };
const rows: Record<string, Opportunity> = {};

const NOW = new Date('2026-12-03T12:00:00Z');
const DAY = 86_400_000;
const RULE = { now: NOW, staleAfterDays: 14 };

async function titles(viewer: Viewer, filter: OpportunityFilter, sort?: [OpportunitySortField, 'asc' | 'desc']) {
  const found = await prisma.opportunity.findMany({
    where: opportunityListWhere(viewer, filter, RULE),
    orderBy: sort ? opportunityOrderBy(...sort) : [{ title: 'asc' }],
  });
  return found.map((row) => row.title);
}

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  leads = await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', position: 0, probabilities: [10, 40] });
  deals = await insertPipeline(prisma, { name: 'Deals', kind: 'DEAL', position: 1, probabilities: [30, 60, 90] });
  const messe = await prisma.source.create({ data: { name: 'Messe' } });
  const tag = await prisma.tag.create({ data: { name: 'Key Account' } });
  const alpha = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Alpha Antriebe GmbH' });
  const zulu = await insertAccount(prisma, org.northSales2, org.north.id, { name: 'Zulu Zahnräder KG' });
  // An account of the south team that a north opportunity points at (its team changed later).
  const hidden = await insertAccount(prisma, org.southSales, org.south.id, { name: 'Geheimkunde AG' });
  const hiddenContact = await insertContact(prisma, org.southSales, org.south.id, { lastName: 'Verborgen' });
  const visibleContact = await insertContact(prisma, org.northSales, org.north.id, { accountId: alpha.id, lastName: 'Sichtbar' });

  const specs: Array<{ key: string; title: string; owner: keyof Organisation; account: string; data: Record<string, unknown> }> = [
    { key: 'percent', title: '100% Sicher', owner: 'northSales', account: alpha.id, data: { amount: '500', weightedAmount: '50', probability: 10, contactId: visibleContact.id, sourceId: messe.id } },
    { key: 'underscore', title: 'A_B Linie', owner: 'northSales2', account: zulu.id, data: { amount: '2500', weightedAmount: '1000', probability: 40, stageId: leads.stages[1].id } },
    { key: 'plain', title: 'AxB Linie', owner: 'northSales', account: zulu.id, data: { amount: '9000', weightedAmount: '2700', probability: 30, pipelineId: deals.id, stageId: deals.stages[0].id, kind: 'DEAL' } },
    { key: 'backslash', title: 'Pfad C:\\Anlagen', owner: 'northManager', account: alpha.id, data: { amount: '100', weightedAmount: '90', probability: 90, pipelineId: deals.id, stageId: deals.stages[2].id, kind: 'DEAL' } },
    { key: 'secret', title: 'Hallenkran', owner: 'northSales', account: hidden.id, data: { amount: '7000', weightedAmount: '0', probability: 0, contactId: hiddenContact.id, status: 'LOST', closedAt: new Date(NOW.getTime() - 3 * DAY) } },
    { key: 'won', title: 'Wartung 2027', owner: 'northSales2', account: alpha.id, data: { amount: '12000', weightedAmount: '12000', probability: 100, status: 'WON', closedAt: new Date(NOW.getTime() - 40 * DAY) } },
  ];
  for (const [index, spec] of specs.entries()) {
    const created = await insertOpportunity(prisma, {
      owner: org[spec.owner] as { id: string },
      teamId: org.north.id,
      accountId: spec.account,
      pipeline: leads,
      title: spec.title,
      createdAt: new Date(NOW.getTime() - (30 + index) * DAY),
    });
    rows[spec.key] = await prisma.opportunity.update({
      where: { id: created.id },
      data: { ...spec.data, expectedCloseDate: new Date(Date.UTC(2027, 0, 10 + index)) } as never,
    });
  }
  rows.south = await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id, title: 'Südprojekt' });
  // Activity: "percent" was active yesterday, "plain" two weeks and a day ago; the rest never.
  await prisma.opportunity.update({ where: { id: rows.percent.id }, data: { lastActivityAt: new Date(NOW.getTime() - DAY) } });
  await prisma.opportunity.update({ where: { id: rows.plain.id }, data: { lastActivityAt: new Date(NOW.getTime() - 15 * DAY) } });
  await prisma.activity.create({
    data: { type: 'TASK', subject: 'Nachfassen', opportunityId: rows.underscore.id, teamId: org.north.id, assigneeId: org.northSales2.id, createdById: org.northSales2.id },
  });
  await prisma.opportunityFollower.create({ data: { opportunityId: rows.plain.id, userId: org.northSales.id } });
  await prisma.opportunityTag.create({ data: { opportunityId: rows.backslash.id, tagId: tag.id } });
  rows.tag = { id: tag.id } as Opportunity;
  rows.source = { id: messe.id } as Opportunity;
  rows.visibleContact = { id: visibleContact.id } as Opportunity;
});
afterAll(() => database.drop());

describe('search', () => {
  it('takes %, _ and \\ literally', async () => {
    expect(await titles(viewers.northManager, { search: '%' })).toEqual(['100% Sicher']);
    expect(await titles(viewers.northManager, { search: '_' })).toEqual(['A_B Linie']);
    expect(await titles(viewers.northManager, { search: 'a_b' })).toEqual(['A_B Linie']);
    expect(await titles(viewers.northManager, { search: 'C:\\' })).toEqual(['Pfad C:\\Anlagen']);
    expect(await titles(viewers.northManager, { search: 'linie' })).toEqual(['A_B Linie', 'AxB Linie']);
  });

  it('finds by OPP- number, account and contact name, each word somewhere', async () => {
    expect(await titles(viewers.northManager, { search: `OPP-${rows.plain.number}` })).toEqual(['AxB Linie']);
    expect(await titles(viewers.northManager, { search: String(rows.plain.number) })).toEqual(['AxB Linie']);
    expect(await titles(viewers.northManager, { search: 'zulu linie' })).toEqual(['A_B Linie', 'AxB Linie']);
    expect(await titles(viewers.northManager, { search: 'sichtbar' })).toEqual(['100% Sicher']);
  });

  it('does not match names of accounts and contacts the viewer may not read', async () => {
    // North may read the opportunity but neither its south account nor its south contact.
    expect(await titles(viewers.northManager, { search: 'Geheimkunde' })).toEqual([]);
    expect(await titles(viewers.northManager, { search: 'Verborgen' })).toEqual([]);
    expect(await titles(viewers.northManager, { search: 'Hallenkran' })).toEqual(['Hallenkran']);
    expect(await titles(viewers.admin, { search: 'Geheimkunde' })).toEqual(['Hallenkran']);
    expect(await titles(viewers.admin, { search: 'Verborgen' })).toEqual(['Hallenkran']);
    // The south team may read the account but not the north opportunity.
    expect(await titles(viewers.southSales, { search: 'Geheimkunde' })).toEqual([]);
  });
});

describe('filters', () => {
  it('filters by status, kind, pipeline, stage, owner, "mine", team, tag, source and contact', async () => {
    const manager = viewers.northManager;
    expect(await titles(manager, { statuses: ['WON', 'LOST'] })).toEqual(['Hallenkran', 'Wartung 2027']);
    expect(await titles(manager, { kinds: ['DEAL'] })).toEqual(['AxB Linie', 'Pfad C:\\Anlagen']);
    expect(await titles(manager, { pipelineIds: [deals.id], stageIds: [deals.stages[2].id] })).toEqual(['Pfad C:\\Anlagen']);
    expect(await titles(manager, { ownerIds: [org.northSales2.id] })).toEqual(['A_B Linie', 'Wartung 2027']);
    expect(await titles(viewers.northSales2, { mine: true })).toEqual(['A_B Linie', 'Wartung 2027']);
    expect(await titles(viewers.northSales2, { mine: true, ownerIds: [org.northSales.id] })).toEqual([]);
    expect(await titles(viewers.admin, { teamIds: [org.south.id] })).toEqual(['Südprojekt']);
    expect(await titles(manager, { tagIds: [rows.tag.id] })).toEqual(['Pfad C:\\Anlagen']);
    expect(await titles(manager, { sourceIds: [rows.source.id] })).toEqual(['100% Sicher']);
    expect(await titles(manager, { contactId: rows.visibleContact.id })).toEqual(['100% Sicher']);
  });

  it('filters by close date, closing moment and amount ranges', async () => {
    const manager = viewers.northManager;
    expect(await titles(manager, { closeDateFrom: new Date('2027-01-11'), closeDateTo: new Date('2027-01-12') })).toEqual(['A_B Linie', 'AxB Linie']);
    expect(await titles(manager, { closedFrom: new Date(NOW.getTime() - 10 * DAY), closedTo: NOW })).toEqual(['Hallenkran']);
    expect(await titles(manager, { amountMin: '2500', amountMax: '9000' })).toEqual(['A_B Linie', 'AxB Linie', 'Hallenkran']);
  });

  it('filters by staleness, following and planned activity, for the viewer who asks', async () => {
    const open = { statuses: ['OPEN' as const] };
    expect(await titles(viewers.northManager, { ...open, stale: true })).toEqual(['A_B Linie', 'AxB Linie', 'Pfad C:\\Anlagen']);
    expect(await titles(viewers.northManager, { ...open, stale: false })).toEqual(['100% Sicher']);
    expect(await titles(viewers.northSales, { followed: true })).toEqual(['AxB Linie']);
    expect(await titles(viewers.northSales2, { followed: true })).toEqual([]);
    expect(await titles(viewers.northSales, { ...open, followed: false })).toEqual(['100% Sicher', 'A_B Linie', 'Pfad C:\\Anlagen']);
    expect(await titles(viewers.northManager, { ...open, withoutOpenActivity: false })).toEqual(['A_B Linie']);
    expect(await titles(viewers.northManager, { ...open, withoutOpenActivity: true })).toEqual(['100% Sicher', 'AxB Linie', 'Pfad C:\\Anlagen']);
  });

  it('shows SERVICE nothing and other teams nothing of north', async () => {
    expect(await titles(viewers.service, {})).toEqual([]);
    expect(await titles(viewers.southSales, {})).toEqual(['Südprojekt']);
  });

  it('refuses dates outside 1900-2200, malformed ids and overlong searches with field errors', async () => {
    const errorOf = (filter: OpportunityFilter) => {
      try {
        opportunityListWhere(viewers.northManager, filter, RULE);
      } catch (error) {
        return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
      }
      return [];
    };
    expect(errorOf({ closeDateFrom: new Date('1850-01-01'), closedTo: new Date('2250-01-01') })).toEqual([
      ['filter.closeDateFrom', 'TOO_SMALL'],
      ['filter.closedTo', 'TOO_LARGE'],
    ]);
    expect(errorOf({ ownerIds: ['nope'], search: 'x'.repeat(201) })).toEqual([
      ['filter.search', 'TOO_LONG'],
      ['filter.ownerIds.0', 'INVALID_ID'],
    ]);
  });
});

describe('sorting', () => {
  const keyOf: Record<OpportunitySortField, (row: Opportunity & { account: { name: string }; owner: { name: string }; stage: { position: number }; pipeline: { position: number } }) => string | number> = {
    title: (row) => row.title,
    accountName: (row) => row.account.name,
    stage: (row) => row.pipeline.position * 100 + row.stage.position,
    ownerName: (row) => row.owner.name,
    amount: (row) => Number(row.amount),
    weightedAmount: (row) => Number(row.weightedAmount),
    probability: (row) => row.probability,
    expectedCloseDate: (row) => row.expectedCloseDate.getTime(),
    status: (row) => ['OPEN', 'WON', 'LOST'].indexOf(row.status),
    lastActivityAt: (row) => row.lastActivityAt?.getTime() ?? Number.NaN,
    daysWithoutActivity: (row) => -(row.lastActivityAt ?? row.createdAt).getTime(),
    createdAt: (row) => row.createdAt.getTime(),
    updatedAt: (row) => row.updatedAt.getTime(),
  };

  it.each(OPPORTUNITY_SORT_FIELDS.flatMap((field) => [[field, 'asc'] as const, [field, 'desc'] as const]))(
    'sorts by %s %s with the id breaking ties (never active ones last)',
    async (field, direction) => {
      const sorted = await prisma.opportunity.findMany({
        where: opportunityListWhere(viewers.northManager, {}, RULE),
        orderBy: opportunityOrderBy(field, direction),
        include: { account: true, owner: true, stage: true, pipeline: true },
      });
      expect(sorted).toHaveLength(6);
      const keys = sorted.map((row) => keyOf[field](row));
      for (let index = 1; index < sorted.length; index += 1) {
        const [before, after] = [keys[index - 1], keys[index]];
        if (Number.isNaN(before)) expect(after, 'nulls last').toBeNaN();
        if (Number.isNaN(before) || Number.isNaN(after)) continue;
        const order = before < after ? -1 : before > after ? 1 : sorted[index - 1].id < sorted[index].id ? -1 : 1;
        expect(order, `${field} ${direction} at ${index}`).toBe(direction === 'asc' ? -1 : 1);
      }
    },
  );
});
