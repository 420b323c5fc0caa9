import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import { opportunityListQuery, type OpportunityListArgs } from '../schema/opportunity-list.ts';
import { field, opportunitySelect, readable, type OpportunityRow, type Shaping } from './opportunity-fields.ts';
import type { HotRoot } from './plugin.ts';
import { asks, subPlans, type ShapeTypes } from './shape.ts';

/** Pothos' own paging of the `opportunities` connection (take, skip, cursor; page info; cursors). */
const paging = prismaConnectionHelpers(builder, 'Opportunity', { cursor: 'id' });

const CONNECTION = 'QueryOpportunitiesConnection';
const EDGE = 'QueryOpportunitiesConnectionEdge';

/** `opportunities`: the list's page from the same `opportunityListQuery` as the schema's resolver. */
export const opportunityPageRoot: HotRoot = {
  typeName: CONNECTION,
  types: () => connectionTypes,
  async answer(plan, args, { context, shaping, shape }) {
    const rows = subPlans(subPlans([plan], 'edges'), 'node');
    const page = paging.getQuery(args, context, () => ({ select: opportunitySelect(rows, shaping) }));
    const { where, orderBy } = await opportunityListQuery(context, args as OpportunityListArgs);
    const [nodes, totalCount] = await Promise.all([
      context.prisma.opportunity.findMany({ ...page, where, orderBy }),
      asks([plan], 'totalCount') ? context.prisma.opportunity.count({ where }) : null,
    ]);
    return shape(plan, { ...paging.resolve(nodes as never[], args, context, {}), totalCount });
  },
};

type Connection = { totalCount: number; edges: { cursor: string; node: OpportunityRow }[]; pageInfo: Record<string, unknown> };

const connectionTypes: ShapeTypes<Shaping> = {
  [CONNECTION]: {
    totalCount: field<Connection>((connection) => connection.totalCount),
    pageInfo: field<Connection>((connection) => connection.pageInfo, { type: 'PageInfo' }),
    edges: field<Connection>((connection, shaping) => {
      readable(connection.edges.map((edge) => edge.node), shaping);
      return connection.edges;
    }, { type: EDGE }),
  },
  [EDGE]: {
    cursor: field<Connection['edges'][number]>((edge) => edge.cursor),
    node: field<Connection['edges'][number]>((edge) => edge.node, { type: 'Opportunity' }),
  },
  PageInfo: {
    hasNextPage: field<Record<string, unknown>>((pageInfo) => pageInfo.hasNextPage),
    hasPreviousPage: field<Record<string, unknown>>((pageInfo) => pageInfo.hasPreviousPage),
    startCursor: field<Record<string, unknown>>((pageInfo) => pageInfo.startCursor),
    endCursor: field<Record<string, unknown>>((pageInfo) => pageInfo.endCursor),
  },
};
