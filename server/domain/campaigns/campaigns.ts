import { z } from 'zod';
import type { Viewer } from '../../auth/viewer.ts';
import type { Campaign, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { businessDay } from '../billing/documents.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { omittable, optionalText, parseInput, requiredText } from '../validation.ts';

type Tx = Prisma.TransactionClient;

/**
 * Marketing campaigns (name, type, period, cost, status). Everyone in sales sees them; ADMIN and
 * MANAGER create and change them. Opportunities link to one (opportunities.ts, `campaignId`).
 */
export const CAMPAIGN_TYPES = ['TRADE_FAIR', 'EVENT', 'WEBINAR', 'EMAIL', 'ADVERTISING', 'DIRECT_MAIL', 'OTHER'] as const;
export const CAMPAIGN_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED'] as const;

const cost = z.string().trim().regex(/^\d{1,12}(\.\d{1,2})?$/, 'Enter an amount with up to two decimals.');

const campaignFields = {
  name: requiredText(200),
  type: z.enum(CAMPAIGN_TYPES, { error: 'Choose a campaign type.' }),
  status: omittable(z.enum(CAMPAIGN_STATUSES)),
  startDate: businessDay,
  endDate: businessDay.nullable().optional(),
  cost: omittable(cost),
  description: optionalText(4000),
};

const createCampaignInput = z.object(campaignFields);
const updateCampaignInput = z.object({
  ...campaignFields,
  name: omittable(campaignFields.name),
  type: omittable(campaignFields.type),
  startDate: omittable(businessDay),
});

export type CreateCampaignInput = z.input<typeof createCampaignInput>;
export type UpdateCampaignInput = z.input<typeof updateCampaignInput>;

export function canManageCampaigns(viewer: Viewer): boolean {
  return !viewer.readOnly && (viewer.role === 'ADMIN' || viewer.role === 'MANAGER');
}

function assertCanManage(viewer: Viewer) {
  if (!canManageCampaigns(viewer)) throw new ForbiddenError('Only administrators and managers may change campaigns.');
}

function assertPeriod(startDate: Date, endDate: Date | null | undefined) {
  if (endDate && endDate < startDate) throw ValidationError.field('endDate', 'BEFORE_START', 'The campaign cannot end before it starts.');
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const existing = await tx.campaign.findFirst({ where: { name: { equals: name, mode: 'insensitive' }, id: exceptId ? { not: exceptId } : undefined } });
  if (existing) throw ValidationError.field('name', 'DUPLICATE', 'A campaign of this name exists already.');
}

export async function createCampaign(prisma: PrismaClient, viewer: Viewer, rawInput: CreateCampaignInput): Promise<Campaign> {
  assertCanManage(viewer);
  const input = parseInput(createCampaignInput, rawInput);
  assertPeriod(input.startDate, input.endDate);
  return prisma.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    return tx.campaign.create({
      data: { ...input, status: input.status ?? 'PLANNED', endDate: input.endDate ?? null, cost: input.cost ?? '0', description: input.description ?? null },
    });
  });
}

export async function updateCampaign(prisma: PrismaClient, viewer: Viewer, id: string, rawInput: UpdateCampaignInput): Promise<Campaign> {
  assertCanManage(viewer);
  const input = parseInput(updateCampaignInput, rawInput);
  return prisma.$transaction(async (tx) => {
    const current = await tx.campaign.findUnique({ where: { id } });
    if (!current) throw new NotFoundError('Campaign');
    assertPeriod(input.startDate ?? current.startDate, input.endDate === undefined ? current.endDate : input.endDate);
    if (input.name) await assertNameFree(tx, input.name, id);
    return tx.campaign.update({ where: { id }, data: input });
  });
}

/** A campaign that opportunities name stays (set it COMPLETED or CANCELLED instead). */
export async function deleteCampaign(prisma: PrismaClient, viewer: Viewer, id: string): Promise<{ id: string }> {
  assertCanManage(viewer);
  return prisma.$transaction(async (tx) => {
    const current = await tx.campaign.findUnique({ where: { id }, include: { _count: { select: { opportunities: true } } } });
    if (!current) throw new NotFoundError('Campaign');
    if (current._count.opportunities > 0) throw ValidationError.field('id', 'IN_USE', 'Opportunities belong to this campaign: complete or cancel it instead.');
    await tx.campaign.delete({ where: { id } });
    return { id };
  });
}

