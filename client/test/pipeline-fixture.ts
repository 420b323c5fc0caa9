import { normalizeCompanyName } from '../../server/domain/normalize.ts';
import type { PrismaClient } from '../../server/generated/prisma/client.ts';
import type { Organisation } from '../../server/test/fixtures.ts';
import { LEAD_STAGES, insertPipeline } from '../../server/test/sales-fixtures.ts';

export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/**
 * A lead pipeline (New, Qualified, Proposal), a deal pipeline, a loss reason and one account of
 * the north team, as the browser tests of the board and the opportunity page need them.
 */
export async function seedPipelines(prisma: PrismaClient, org: Organisation) {
  const leads = await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', position: 0, stages: LEAD_STAGES });
  const deals = await insertPipeline(prisma, {
    name: 'Deals',
    kind: 'DEAL',
    position: 1,
    stages: [
      { name: 'Negotiation', probability: 60 },
      { name: 'Contract', probability: 90 },
    ],
  });
  const lossReason = await prisma.lossReason.create({ data: { name: 'Price too high' } });
  const account = await prisma.account.create({
    data: {
      name: 'Nordlicht Logistik',
      normalizedName: normalizeCompanyName('Nordlicht Logistik'),
      city: 'Hamburg',
      ownerId: org.northSales.id,
      teamId: org.north.id,
    },
  });
  return { leads, deals, lossReason, account };
}
