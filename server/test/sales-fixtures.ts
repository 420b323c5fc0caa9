import type { Account, Contact, Opportunity, Pipeline, PrismaClient, Stage } from '../generated/prisma/client.ts';
import type { Organisation, TestUser } from './fixtures.ts';

/**
 * Rows written directly with Prisma, for tests that need accounts, pipelines and opportunities to
 * exist without depending on the rules that create them. Ids are database ids.
 */
let counter = 0;
const next = () => (counter += 1);

export async function insertAccount(
  prisma: PrismaClient,
  owner: Pick<TestUser, 'id'>,
  teamId: string,
  data: { name?: string } = {},
): Promise<Account> {
  const n = next();
  const name = data.name ?? `Fixture Account ${n} GmbH`;
  return prisma.account.create({
    data: { name, normalizedName: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}${n}`, statusKey: 'PROSPECT', ownerId: owner.id, teamId },
  });
}

export async function insertContact(
  prisma: PrismaClient,
  owner: Pick<TestUser, 'id'>,
  teamId: string,
  data: { accountId?: string | null; lastName?: string } = {},
): Promise<Contact> {
  return prisma.contact.create({
    data: {
      firstName: 'Kim',
      lastName: data.lastName ?? `Fixture ${next()}`,
      accountId: data.accountId ?? null,
      statusKey: 'PROSPECT',
      ownerId: owner.id,
      teamId,
    },
  });
}

/** A pipeline with stages at the given probabilities, and optionally an activity plan. */
export async function insertPipeline(
  prisma: PrismaClient,
  data: {
    name?: string;
    kind?: 'LEAD' | 'DEAL';
    position?: number;
    probabilities?: number[];
    /** Named stages, instead of `probabilities`. */
    stages?: Array<{ name: string; probability: number }>;
    plan?: Array<{ type: 'CALL' | 'EMAIL' | 'MEETING' | 'TASK' | 'NOTE'; subject: string; dayOffset: number; durationMinutes?: number }>;
  } = {},
): Promise<Pipeline & { stages: Stage[] }> {
  const name = data.name ?? `Fixture Pipeline ${next()}`;
  return prisma.pipeline.create({
    data: {
      name,
      kind: data.kind ?? 'DEAL',
      position: data.position,
      stages: {
        create: (data.stages ?? (data.probabilities ?? [10, 50, 90]).map((probability, position) => ({ name: `${name} ${position + 1}`, probability }))).map(
          (stage, position) => ({ ...stage, position }),
        ),
      },
      planSteps: data.plan ? { create: data.plan.map((step, position) => ({ ...step, position })) } : undefined,
    },
    include: { stages: { orderBy: { position: 'asc' } } },
  });
}

/**
 * An open opportunity in the first stage of `pipeline` (a new three-stage DEAL pipeline when
 * omitted), on `accountId` (a new account of the owner's team when omitted).
 */
export async function insertOpportunity(
  prisma: PrismaClient,
  options: {
    owner: Pick<TestUser, 'id'>;
    teamId: string;
    accountId?: string;
    contactId?: string | null;
    pipeline?: Pipeline & { stages: Stage[] };
    title?: string;
    status?: 'OPEN' | 'WON' | 'LOST';
    createdAt?: Date;
  },
): Promise<Opportunity> {
  const pipeline = options.pipeline ?? (await insertPipeline(prisma));
  const accountId = options.accountId ?? (await insertAccount(prisma, options.owner, options.teamId)).id;
  const stage = pipeline.stages[0];
  return prisma.opportunity.create({
    data: {
      title: options.title ?? `Fixture Opportunity ${next()}`,
      accountId,
      contactId: options.contactId ?? null,
      ownerId: options.owner.id,
      teamId: options.teamId,
      pipelineId: pipeline.id,
      stageId: stage.id,
      probability: stage.probability,
      expectedCloseDate: new Date('2027-01-31'),
      status: options.status ?? 'OPEN',
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
}

/** One opportunity per team: north owned by northSales, south by southSales. */
export async function insertOpportunitiesOfBothTeams(prisma: PrismaClient, org: Organisation) {
  return {
    north: await insertOpportunity(prisma, { owner: org.northSales, teamId: org.north.id }),
    south: await insertOpportunity(prisma, { owner: org.southSales, teamId: org.south.id }),
  };
}

/** The lead pipeline the browser tests drag cards through. */
export const LEAD_STAGES = [
  { name: 'New', probability: 10 },
  { name: 'Qualified', probability: 40 },
  { name: 'Proposal', probability: 70 },
];
