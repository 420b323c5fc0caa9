import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../auth/authenticate.ts';
import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { snapshotDatabase } from '../../test/database-snapshot.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { insertAccount, insertContact, insertPipeline } from '../../test/sales-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { completeActivity, createActivity, deleteActivity, rescheduleActivity } from '../activities.ts';
import { DomainError } from '../errors.ts';
import { convertToDeal, createOpportunity, loseOpportunity, reopenOpportunity, updateOpportunity, winOpportunity } from '../opportunities.ts';
import { getOrganisationSettings } from '../settings.ts';
import { drillDown } from './drill-down.ts';
import { runFamily } from './family.ts';
import { kpiQuery, type KpiArguments } from './kpi-query.ts';
import { opportunityFamily } from './opportunity-figures.ts';

// kpis.md "As of": every figure that takes asOf, computed as of a past moment T on today's
// database, equals the same figure computed on a copy of the database taken at T (its "now").
// The history is written by the domain rules themselves, with their clocks set to the past.

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Present-only figures (followed opportunities have no history) are not asOf-capable. */
const AS_OF_FIGURES = Object.keys(opportunityFamily.parts).filter((name) => name !== 'followed');

let main: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const snapshots: Array<{ at: Date; database: TestDatabase }> = [];
const done: Record<string, number> = {};
let viewers: Record<'admin' | 'northSales' | 'northSales2' | 'northManager' | 'southSales' | 'southManager', Viewer>;
let dealPipelines: string[];

function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

/** Runs one change the rules may refuse (a closed opportunity, a done activity): refusals are skipped, counted successes are not. */
async function attempt(kind: string, change: () => Promise<unknown>) {
  try {
    await change();
    done[kind] = (done[kind] ?? 0) + 1;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

beforeAll(async () => {
  main = await createTestDatabase();
  prisma = main.db.prisma;
  org = await createOrganisation(prisma);
  const viewerOf = async (token: string) => (await authenticate(prisma, `Bearer ${token}`))!;
  viewers = {
    admin: await viewerOf(org.admin.token),
    northSales: await viewerOf(org.northSales.token),
    northSales2: await viewerOf(org.northSales2.token),
    northManager: await viewerOf(org.northManager.token),
    southSales: await viewerOf(org.southSales.token),
    southManager: await viewerOf(org.southManager.token),
  };
  const sellers = { [org.north.id]: [viewers.northSales, viewers.northSales2, viewers.northManager], [org.south.id]: [viewers.southSales, viewers.southManager] };
  await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', position: 0, probabilities: [10, 20, 40] });
  const deals = [await insertPipeline(prisma, { name: 'Projekte', kind: 'DEAL', position: 1, probabilities: [10, 30, 60, 90] }), await insertPipeline(prisma, { name: 'Service', kind: 'DEAL', position: 2, probabilities: [20, 50, 80] })];
  dealPipelines = deals.map((pipeline) => pipeline.id);
  const lossReasons = await Promise.all(['Preis', 'Wettbewerb'].map((name, position) => prisma.lossReason.create({ data: { name: `As-of ${name}`, position } })));
  const customers: Array<{ accountId: string; contactId: string; teamId: string }> = [];
  for (const teamId of [org.north.id, org.south.id]) {
    for (let n = 0; n < 3; n++) {
      const account = await insertAccount(prisma, sellers[teamId][0], teamId);
      const contact = await insertContact(prisma, sellers[teamId][0], teamId, { accountId: account.id });
      customers.push({ accountId: account.id, contactId: contact.id, teamId });
    }
  }

  const rnd = random(2026);
  const start = Date.now() - 650 * DAY;
  const moments = [start + 250 * DAY, start + 450 * DAY, start + 600 * DAY];
  let at = start;
  const opportunityIds: string[] = [];
  const activityIds: string[] = [];
  while (at < start + 640 * DAY) {
    at += rnd.int(12, 110) * HOUR + rnd.int(0, 3_599_999);
    // A snapshot of every moment passed, taken before anything later is written.
    while (moments.length && moments[0] <= at) {
      const moment = new Date(moments.shift()!);
      snapshots.push({ at: moment, database: await snapshotDatabase(prisma) });
    }
    const now = new Date(at);
    const clock = { now };
    const roll = opportunityIds.length < 8 ? 0 : rnd.next();
    if (roll < 0.12) {
      const customer = rnd.pick(customers);
      const seller = rnd.pick(sellers[customer.teamId]);
      await attempt('create', async () => {
        const created = await createOpportunity(prisma, seller, {
          title: `Chance ${opportunityIds.length}`,
          accountId: customer.accountId,
          contactId: rnd.next() < 0.5 ? customer.contactId : null,
          kind: rnd.next() < 0.55 ? 'LEAD' : 'DEAL',
          amount: `${rnd.int(1, 5000) * 10}.${rnd.int(0, 99)}`,
          expectedCloseDate: new Date(Math.floor((at + rnd.int(-30, 200) * DAY) / DAY) * DAY),
        }, clock);
        opportunityIds.push(created.id);
      });
      continue;
    }
    // Changes go to opportunities the rules let them change: open ones, open LEADs to convert, closed ones to reopen.
    const wanted = roll >= 0.6 && roll < 0.63 ? { status: 'OPEN' as const, kind: 'LEAD' as const } : roll < 0.72 ? { status: 'OPEN' as const } : roll < 0.76 ? { status: { not: 'OPEN' as const } } : {};
    const candidates = await prisma.opportunity.findMany({ where: { id: { in: opportunityIds }, ...wanted }, select: { id: true }, orderBy: { id: 'asc' } });
    if (candidates.length === 0) continue;
    const id = rnd.pick(candidates).id;
    const current = await prisma.opportunity.findUniqueOrThrow({ where: { id }, include: { pipeline: { include: { stages: { orderBy: { position: 'asc' } } } } } });
    if (roll < 0.22) await attempt('amount', () => updateOpportunity(prisma, viewers.admin, id, { amount: `${rnd.int(1, 9000) * 10}.${rnd.int(0, 99)}` }, clock));
    else if (roll < 0.28) await attempt('probability', () => updateOpportunity(prisma, viewers.admin, id, { probability: rnd.int(0, 100) }, clock));
    else if (roll < 0.36) await attempt('closeDate', () => updateOpportunity(prisma, viewers.admin, id, { expectedCloseDate: new Date(Math.floor((at + rnd.int(-60, 300) * DAY) / DAY) * DAY) }, clock));
    else if (roll < 0.46) await attempt('stage', () => updateOpportunity(prisma, viewers.admin, id, { stageId: rnd.pick(current.pipeline.stages).id }, clock));
    else if (roll < 0.49) await attempt('pipeline', () => updateOpportunity(prisma, viewers.admin, id, { pipelineId: rnd.pick(dealPipelines) }, clock));
    else if (roll < 0.53) await attempt('owner', () => updateOpportunity(prisma, viewers.admin, id, { ownerId: rnd.pick(sellers[current.teamId]).id }, clock));
    else if (roll < 0.555) {
      const teamId = current.teamId === org.north.id ? org.south.id : org.north.id;
      await attempt('team', () => updateOpportunity(prisma, viewers.admin, id, { teamId, ownerId: rnd.pick(sellers[teamId]).id }, clock));
    } else if (roll < 0.6) {
      const customer = rnd.pick(customers.filter((other) => other.teamId === current.teamId));
      await attempt('account', () => updateOpportunity(prisma, viewers.admin, id, { accountId: customer.accountId, contactId: rnd.next() < 0.5 ? customer.contactId : null }, clock));
    } else if (roll < 0.63) await attempt('convert', () => convertToDeal(prisma, viewers.admin, id, { pipelineId: rnd.pick(dealPipelines) }, clock));
    else if (roll < 0.67) await attempt('win', () => winOpportunity(prisma, viewers.admin, id, { openActivities: rnd.pick(['CLOSE', 'KEEP'] as const) }, clock));
    else if (roll < 0.72) await attempt('lose', () => loseOpportunity(prisma, viewers.admin, id, { lossReasonId: rnd.pick(lossReasons).id, openActivities: rnd.pick(['CLOSE', 'KEEP'] as const) }, clock));
    else if (roll < 0.76) await attempt('reopen', () => reopenOpportunity(prisma, viewers.admin, id, clock));
    else if (roll < 0.86) {
      const onAccount = rnd.next() < 0.3;
      const logged = rnd.next() < 0.4;
      await attempt(onAccount ? 'accountActivity' : 'activity', async () => {
        const activity = await createActivity(prisma, viewers.admin, {
          type: rnd.pick(['CALL', 'EMAIL', 'MEETING', 'TASK'] as const),
          subject: 'Nachfassen',
          ...(onAccount ? { accountId: current.accountId } : { opportunityId: id }),
          dueAt: new Date(at + rnd.int(1, 20) * DAY),
          ...(logged ? { doneAt: new Date(at - rnd.int(0, 48) * HOUR) } : {}),
        }, clock);
        // Activities about an account change as they are (activity-history.ts): only created here.
        if (!onAccount) activityIds.push(activity.id);
      });
    } else {
      // Complete and reschedule open activities, reopen done ones, delete any.
      const doneAt = roll < 0.92 || (roll >= 0.95 && roll < 0.97) ? null : roll < 0.95 ? { not: null } : undefined;
      const activities = await prisma.activity.findMany({ where: { id: { in: activityIds }, doneAt }, select: { id: true }, orderBy: { id: 'asc' } });
      if (activities.length === 0) continue;
      const activityId = rnd.pick(activities).id;
      if (roll < 0.92) await attempt('completeActivity', () => completeActivity(prisma, viewers.admin, activityId, true, { now, doneAt: rnd.next() < 0.5 ? new Date(at - rnd.int(1, 20) * DAY) : undefined }));
      else if (roll < 0.95) await attempt('reopenActivity', () => completeActivity(prisma, viewers.admin, activityId, false, clock));
      else if (roll < 0.97) await attempt('rescheduleActivity', () => rescheduleActivity(prisma, viewers.admin, activityId, { dueAt: new Date(at + rnd.int(1, 9) * DAY) }, clock));
      else await attempt('deleteActivity', () => deleteActivity(prisma, viewers.admin, activityId, clock));
    }
  }
}, 600_000);

afterAll(async () => {
  for (const { database } of snapshots) await database.drop();
  await main?.drop();
});

/** The records behind a figure, every page. */
async function records(database: PrismaClient, viewer: Viewer, figure: string, args: KpiArguments, requestTime: Date) {
  const query = kpiQuery(viewer, args, await getOrganisationSettings(database), requestTime);
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page = await drillDown(database, query, 'OPPORTUNITY', figure, {}, { first: 100, after });
    ids.push(...page.rows.map((row) => `${row.id} ${row.amount}`));
    after = page.hasNextPage ? page.rows.at(-1)!.cursor : null;
  } while (after);
  return ids.sort();
}

async function figures(database: PrismaClient, viewer: Viewer, args: KpiArguments, requestTime: Date) {
  const settings = await getOrganisationSettings(database);
  const query = kpiQuery(viewer, args, settings, requestTime);
  const values = await runFamily(database, opportunityFamily, query, AS_OF_FIGURES);
  // Decimals as their value (a sum of history values may print "12.5" for "12.50").
  return JSON.parse(JSON.stringify(Object.fromEntries(values)));
}

describe('figures as of a past moment', () => {
  it('the history covers every kind of change', () => {
    for (const kind of ['create', 'amount', 'probability', 'closeDate', 'stage', 'pipeline', 'owner', 'team', 'account', 'convert', 'win', 'lose', 'reopen', 'activity', 'accountActivity', 'completeActivity', 'reopenActivity', 'rescheduleActivity', 'deleteActivity']) {
      expect(done[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    expect(snapshots).toHaveLength(3);
  });

  it('equal the figures computed on a snapshot of the database taken at that moment', async () => {
    for (const { at, database } of snapshots) {
      const year = new Date(Date.UTC(at.getUTCFullYear(), 0, 1));
      const periods = [
        undefined,
        { from: new Date(year.getTime() - 200 * DAY), to: new Date(year.getTime() + 500 * DAY) },
      ];
      const scopes = [undefined, { teamIds: [org.north.id] }, { ownerIds: [org.northSales.id] }, { pipelineIds: [dealPipelines[0]] }];
      for (const period of periods) {
        for (const scope of scopes) {
          const expected = await figures(database.db.prisma, viewers.admin, { period, scope }, at);
          const actual = await figures(prisma, viewers.admin, { period: period ?? null, scope, asOf: at }, new Date());
          expect(actual, `as of ${at.toISOString()}, period ${JSON.stringify(period)}, scope ${JSON.stringify(scope)}`).toEqual(expected);
        }
      }
      for (const figure of ['DEALS_WITHOUT_ACTIVITY', 'LEADS_WITHOUT_ACTIVITY', 'DEALS_OPEN', 'DEALS_WON']) {
        const expected = await records(database.db.prisma, viewers.admin, figure, {}, at);
        expect(await records(prisma, viewers.admin, figure, { asOf: at }, new Date()), `${figure} as of ${at.toISOString()}`).toEqual(expected);
      }
    }
  });
});
