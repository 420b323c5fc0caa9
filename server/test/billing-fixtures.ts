import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from './fixtures.ts';
import { insertAccount, insertOpportunity, insertPipeline } from './sales-fixtures.ts';

export type ViewerName = 'admin' | 'northManager' | 'northSales' | 'northSales2' | 'southManager' | 'southSales' | 'service';

/**
 * The test organisation with a viewer per person, two products, and for each team an account and
 * an open opportunity with two lines (northSales and southSales own them).
 */
export async function createBillingWorld(prisma: PrismaClient) {
  const org = await createOrganisation(prisma);
  const viewers = {} as Record<ViewerName, Viewer>;
  for (const key of ['admin', 'northManager', 'northSales', 'northSales2', 'southManager', 'southSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  const machine = await prisma.product.create({ data: { sku: 'VM-7', name: 'Verpackungsmaschine VM-7', unit: 'Stk.', unitPrice: '74500.00' } });
  const training = await prisma.product.create({ data: { sku: 'SCH', name: 'Schulung Bedienpersonal', unit: 'Tag', unitPrice: '980.00' } });
  const pipeline = await insertPipeline(prisma);
  const northAccount = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Nordwerft GmbH' });
  const southAccount = await insertAccount(prisma, org.southSales, org.south.id, { name: 'Südlicht AG' });
  const north = await opportunityWithLines(prisma, org, pipeline, northAccount.id, 'north', [machine.id, training.id]);
  const south = await opportunityWithLines(prisma, org, pipeline, southAccount.id, 'south', [machine.id, training.id]);
  return { org, viewers, products: { machine, training }, pipeline, northAccount, southAccount, north, south };
}

export type BillingWorld = Awaited<ReturnType<typeof createBillingWorld>>;

/** 1 machine at 74,500.00 less 5 % and 3 training days at 980.00: 70,775.00 + 2,940.00 net. */
export async function opportunityWithLines(
  prisma: PrismaClient,
  org: Organisation,
  pipeline: Awaited<ReturnType<typeof insertPipeline>>,
  accountId: string,
  team: 'north' | 'south',
  [machineId, trainingId]: string[],
) {
  const owner = team === 'north' ? org.northSales : org.southSales;
  const opportunity = await insertOpportunity(prisma, { owner, teamId: org[team].id, accountId, pipeline, title: `Verpackungslinie ${team}` });
  await prisma.opportunityLine.createMany({
    data: [
      { opportunityId: opportunity.id, productId: machineId, position: 0, description: 'Verpackungsmaschine VM-7', quantity: '1', unitPrice: '74500.00', discountPercent: '5' },
      { opportunityId: opportunity.id, productId: trainingId, position: 1, description: 'Schulung Bedienpersonal', quantity: '3', unitPrice: '980.00', discountPercent: '0' },
    ],
  });
  return prisma.opportunity.update({ where: { id: opportunity.id }, data: { amount: '73715.00' } });
}

/** Rejects with an error of the class (and, for field errors, the field and reason). */
export async function caught(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    () => {
      throw new Error('Expected the call to fail.');
    },
    (error: unknown) => error,
  );
}
