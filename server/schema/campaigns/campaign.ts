import DataLoader from 'dataloader';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { opportunityReadWhere } from '../../domain/access.ts';
import { campaignFigures, campaignReturn, EMPTY_FIGURES, type CampaignFigures } from '../../domain/campaigns/campaign-figures.ts';
import { canManageCampaigns, CAMPAIGN_STATUSES, CAMPAIGN_TYPES, createCampaign, deleteCampaign, updateCampaign } from '../../domain/campaigns/campaigns.ts';
import { containsText, searchTerms } from '../../domain/text-search.ts';
import type { Prisma } from '../../generated/prisma/client.ts';
import { decodeId } from '../ids.ts';
import { validatedResult } from '../mutation-result.ts';
import { OpportunityStatusEnum } from '../opportunity.ts';
import { requireViewer } from '../viewer.ts';

export const CampaignTypeEnum = builder.enumType('CampaignType', { values: CAMPAIGN_TYPES });
export const CampaignStatusEnum = builder.enumType('CampaignStatus', { values: CAMPAIGN_STATUSES });

/** Figures of all campaigns a request shows, in two statements (a loader per request and viewer). */
const figureLoaders = new WeakMap<Context, DataLoader<string, CampaignFigures>>();
function figuresOf(context: Context, campaignId: string) {
  let loader = figureLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const figures = await campaignFigures(context.prisma, requireViewer(context), ids);
      return ids.map((id) => figures.get(id) ?? EMPTY_FIGURES);
    });
    figureLoaders.set(context, loader);
  }
  return loader.load(campaignId);
}

const CampaignResultsRef = builder.objectRef<CampaignFigures & { cost: Prisma.Decimal }>('CampaignResults').implement({
  description: "What the campaign brought, over the opportunities and invoices the viewer may read.",
  fields: (t) => ({
    openCount: t.exposeInt('openCount'),
    wonCount: t.exposeInt('wonCount'),
    lostCount: t.exposeInt('lostCount'),
    pipelineValue: t.expose('pipelineValue', { type: 'Decimal', description: 'Sum of the amounts of its open opportunities.' }),
    wonAmount: t.expose('wonAmount', { type: 'Decimal', description: 'Sum of the amounts of its won opportunities.' }),
    revenue: t.expose('revenue', { type: 'Decimal', description: 'Net amount of the invoices (not cancelled) of its opportunities.' }),
    cost: t.expose('cost', { type: 'Decimal' }),
    returnOnCost: t.field({
      type: 'Decimal',
      nullable: true,
      description: '(revenue - cost) / cost as a fraction, e.g. "2.5" for 250 %; null when it cost nothing.',
      resolve: (results) => campaignReturn(results.revenue, results.cost),
    }),
  }),
});

export const CampaignRef = builder.prismaNode('Campaign', {
  id: { field: 'id' },
  nullable: true,
  description: 'A marketing campaign; opportunities may belong to one, and the revenue of their invoices counts for it.',
  authScopes: { sales: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.expose('type', { type: CampaignTypeEnum }),
    status: t.expose('status', { type: CampaignStatusEnum }),
    startDate: t.expose('startDate', { type: 'Date' }),
    endDate: t.expose('endDate', { type: 'Date', nullable: true }),
    cost: t.expose('cost', { type: 'Decimal' }),
    description: t.exposeString('description', { nullable: true }),
    results: t.field({
      type: CampaignResultsRef,
      resolve: async (campaign, _args, context) => ({ ...(await figuresOf(context, campaign.id)), cost: campaign.cost }),
    }),
    opportunities: t.relatedConnection('opportunities', {
      cursor: 'id',
      totalCount: true,
      args: { statuses: t.arg({ type: [OpportunityStatusEnum] }) },
      query: (args, context) => ({
        where: { ...opportunityReadWhere(requireViewer(context)), ...(args.statuses?.length ? { status: { in: args.statuses } } : {}) },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      }),
    }),
    viewerCanEdit: t.boolean({ resolve: (_campaign, _args, context) => canManageCampaigns(requireViewer(context)) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Opportunity', 'campaign', (t) => t.relation('campaign', { nullable: true }));

builder.queryFields((t) => ({
  campaigns: t.prismaConnection(
    {
      type: 'Campaign',
      cursor: 'id',
      authScopes: { sales: true },
      description: 'Campaigns, newest start first.',
      args: { statuses: t.arg({ type: [CampaignStatusEnum] }), search: t.arg.string() },
      resolve: (query, _root, args, context) =>
        context.prisma.campaign.findMany({ ...query, where: campaignWhere(args), orderBy: [{ startDate: 'desc' }, { id: 'desc' }] }),
      totalCount: (_connection, args, context) => context.prisma.campaign.count({ where: campaignWhere(args) }),
    },
    {},
    {},
  ),
  campaign: t.prismaField({
    type: 'Campaign',
    nullable: true,
    authScopes: { sales: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => context.prisma.campaign.findUnique({ ...query, where: { id: decodeId(args.id, 'Campaign', 'id') } }),
  }),
}));

function campaignWhere(args: { statuses?: readonly (typeof CAMPAIGN_STATUSES)[number][] | null; search?: string | null }): Prisma.CampaignWhereInput {
  return {
    ...(args.statuses?.length ? { status: { in: [...args.statuses] } } : {}),
    AND: searchTerms(args.search?.slice(0, 200)).map((term) => ({ name: containsText(term) })),
  };
}

const campaignFields = (t: InputFields) => ({
  name: t.string(),
  type: t.field({ type: CampaignTypeEnum }),
  status: t.field({ type: CampaignStatusEnum, description: 'PLANNED when omitted on create.' }),
  startDate: t.field({ type: 'Date' }),
  endDate: t.field({ type: 'Date' }),
  cost: t.field({ type: 'Decimal', description: 'What it costs, for its return.' }),
  description: t.string(),
});

const CreateCampaignInput = builder.inputType('CreateCampaignInput', {
  fields: (t) => ({ ...campaignFields(t), name: t.string({ required: true }), type: t.field({ type: CampaignTypeEnum, required: true }), startDate: t.field({ type: 'Date', required: true }) }),
});
const UpdateCampaignInput = builder.inputType('UpdateCampaignInput', { fields: campaignFields });

builder.mutationFields((t) => ({
  createCampaign: t.prismaField({
    type: 'Campaign',
    authScopes: { writer: true },
    description: 'ADMIN and MANAGER.',
    errors: validatedResult('CreateCampaign', 'campaign'),
    args: { input: t.arg({ type: CreateCampaignInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const campaign = await createCampaign(context.prisma, requireViewer(context), input);
      return context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: campaign.id } });
    },
  }),
  updateCampaign: t.prismaField({
    type: 'Campaign',
    authScopes: { writer: true },
    errors: validatedResult('UpdateCampaign', 'campaign'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateCampaignInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
      const campaign = await updateCampaign(context.prisma, requireViewer(context), decodeId(id, 'Campaign', 'id'), given);
      return context.prisma.campaign.findUniqueOrThrow({ ...query, where: { id: campaign.id } });
    },
  }),
  deleteCampaign: t.id({
    authScopes: { writer: true },
    description: 'Only a campaign no opportunity belongs to.',
    errors: validatedResult('DeleteCampaign', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) =>
      encodeGlobalID('Campaign', (await deleteCampaign(context.prisma, requireViewer(context), decodeId(id, 'Campaign', 'id'))).id),
  }),
}));
