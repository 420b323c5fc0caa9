import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { builder } from '../builder.ts';
import { opportunityListQuery, type OpportunityListArgs } from '../schema/opportunity-list.ts';
import { field, opportunitySelect, readable, type OpportunityRow, type Shaping } from './opportunity-fields.ts';
import { askedFields, fieldNodes, type HotRoot } from './plugin.ts';
import type { ShapeTypes } from './shape.ts';

/** Pothos' own paging of the `opportunities` connection (take, skip, cursor; page info; cursors). */
const paging = prismaConnectionHelpers(builder, 'Opportunity', { cursor: 'id' });

const CONNECTION = 'QueryOpportunitiesConnection';
const EDGE = 'QueryOpportunitiesConnectionEdge';

/** `opportunities`: the list's page from the same `opportunityListQuery` as the schema's resolver. */
export const opportunityPageRoot: HotRoot = {
  typeName: CONNECTION,
  types: () => connectionTypes,
  async answer(nodes, args, { context, viewer, selection, shape }) {
    const rowNodes = fieldNodes(fieldNodes(nodes, CONNECTION, 'edges', selection), EDGE, 'node', selection);
    const page = paging.getQuery(args, context, () => ({ select: opportunitySelect(viewer, askedFields(rowNodes, selection)) }));
    const { where, orderBy } = await opportunityListQuery(context, args as OpportunityListArgs);
    const asksTotal = fieldNodes(nodes, CONNECTION, 'totalCount', selection).length > 0;
    const [rows, totalCount] = await Promise.all([
      context.prisma.opportunity.findMany({ ...page, where, orderBy }),
      asksTotal ? context.prisma.opportunity.count({ where }) : null,
    ]);
    return shape(CONNECTION, { ...paging.resolve(rows as never[], args, context, {}), totalCount }, nodes);
  },
};

type Connection = { totalCount: number; edges: { cursor: string; node: OpportunityRow }[]; pageInfo: Record<string, unknown> };

const connectionTypes: ShapeTypes<Shaping> = {
  [CONNECTION]: {
    totalCount: field<Connection>((connection) => connection.totalCount),
    pageInfo: field<Connection>((connection) => connection.pageInfo, 'PageInfo'),
    edges: field<Connection>((connection, shaping) => {
      readable(connection.edges.map((edge) => edge.node), shaping);
      return connection.edges;
    }, EDGE),
  },
  [EDGE]: {
    cursor: field<Connection['edges'][number]>((edge) => edge.cursor),
    node: field<Connection['edges'][number]>((edge) => edge.node, 'Opportunity'),
  },
  PageInfo: {
    hasNextPage: field<Record<string, unknown>>((pageInfo) => pageInfo.hasNextPage),
    hasPreviousPage: field<Record<string, unknown>>((pageInfo) => pageInfo.hasPreviousPage),
    startCursor: field<Record<string, unknown>>((pageInfo) => pageInfo.startCursor),
    endCursor: field<Record<string, unknown>>((pageInfo) => pageInfo.endCursor),
  },
};
