import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { Organisation } from './fixtures.ts';

let accounts = 0;

/**
 * An opportunity written directly with Prisma (with a new account of the north team), for tests
 * that need one to exist without depending on the opportunity rules. `pipelineId` and `stageId`
 * are database ids; a one-stage pipeline is created when they are omitted.
 */
export async function createOpportunityRow(
  prisma: PrismaClient,
  org: Organisation,
  data: Partial<Prisma.OpportunityUncheckedCreateInput> = {},
) {
  accounts += 1;
  const account = await prisma.account.create({
    data: { name: `Belegt ${accounts} GmbH`, normalizedName: `belegt${accounts}`, statusKey: 'PROSPECT', ownerId: org.northSales.id, teamId: org.north.id },
  });
  let { pipelineId, stageId } = data;
  if (!pipelineId || !stageId) {
    const pipeline = await prisma.pipeline.create({
      data: { name: `Fixture ${accounts}`, kind: 'LEAD', stages: { create: { name: 'Neu', position: 0, probability: 10 } } },
      include: { stages: true },
    });
    pipelineId = pipeline.id;
    stageId = pipeline.stages[0].id;
  }
  return prisma.opportunity.create({
    data: {
      title: 'Belegt',
      accountId: account.id,
      ownerId: org.northSales.id,
      teamId: org.north.id,
      probability: 10,
      expectedCloseDate: new Date('2027-01-31'),
      ...data,
      pipelineId,
      stageId,
    },
  });
}
