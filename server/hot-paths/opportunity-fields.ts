import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import { canReadCustomerRecord, canReadSalesRecord, canWriteSalesRecord } from '../domain/access.ts';
import { activityStatus, nextOpenActivityQuery } from '../domain/activity-queries.ts';
import { contactFullName } from '../domain/contacts.ts';
import { daysWithoutActivity, isStale, opportunityHumanId } from '../domain/opportunity-queries.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { Unsupported, type ShapeField, type ShapeTypes } from './shape.ts';

// What the hot paths know of an opportunity (a board card, a list row) and its linked records:
// the columns they read and what each field answers, as the schema's resolvers do, through the
// same domain functions and the schema's own scalars.

export interface Shaping {
  viewer: Viewer;
  now: Date;
  staleAfterDays: number;
}

/** Linked records the selection asks for; only those are joined. */
export type Relations = Partial<Record<'nextOpenActivity' | 'pipeline' | 'stage' | 'team' | 'source' | 'tags', boolean>>;

export const opportunitySelect = (viewer: Viewer, asked: Relations) =>
  ({
    id: true,
    number: true,
    kind: true,
    title: true,
    status: true,
    version: true,
    amount: true,
    probability: true,
    weightedAmount: true,
    expectedCloseDate: true,
    lastActivityAt: true,
    stageEnteredAt: true,
    closedAt: true,
    createdAt: true,
    updatedAt: true,
    ownerId: true,
    teamId: true,
    accountId: true,
    account: { select: { id: true, name: true, ownerId: true, teamId: true } },
    contact: { select: { id: true, title: true, firstName: true, lastName: true, ownerId: true, teamId: true } },
    owner: { select: { id: true, name: true } },
    ...(asked.nextOpenActivity && {
      activities: { ...nextOpenActivityQuery(viewer), select: { id: true, type: true, subject: true, dueAt: true, doneAt: true, teamId: true } },
    }),
    ...(asked.pipeline && { pipeline: { select: { id: true, name: true, kind: true, position: true } } }),
    ...(asked.stage && { stage: { select: { id: true, name: true, position: true, probability: true } } }),
    ...(asked.team && { team: { select: { id: true, name: true, type: true } } }),
    ...(asked.source && { source: { select: { id: true, name: true, active: true } } }),
    ...(asked.tags && { tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { name: 'asc' } } } }),
  }) satisfies Prisma.OpportunitySelect;

type Linked<T> = T | undefined;
type RelationKey = 'activities' | 'pipeline' | 'stage' | 'team' | 'source' | 'tags';
export type OpportunityRow = Omit<Prisma.OpportunityGetPayload<{ select: ReturnType<typeof opportunitySelect> }>, RelationKey> & {
  activities?: { id: string; type: string; subject: string; dueAt: Date | null; doneAt: Date | null; teamId: string }[];
  pipeline?: Linked<{ id: string; name: string; kind: string; position: number }>;
  stage?: Linked<{ id: string; name: string; position: number; probability: number }>;
  team?: Linked<{ id: string; name: string; type: string }>;
  source?: Linked<{ id: string; name: string; active: boolean } | null>;
  tags?: { tag: { id: string; name: string; color: string } }[];
};
type ActivityRow = NonNullable<OpportunityRow['activities']>[number];

export const RELATION_FIELDS = ['nextOpenActivity', 'pipeline', 'stage', 'team', 'source', 'tags'] as const;

export type Field<Row> = ShapeField<Row, Shaping>;
export const field = <Row>(value: (row: Row, shaping: Shaping) => unknown, type?: string): Field<Row> => ({ value, type });
const column = <Row>(name: keyof Row & string) => field<Row>((row) => row[name]);
const globalId = (typename: string) => field<{ id: string }>((row) => encodeGlobalID(typename, row.id));

export function scalars(schema: GraphQLSchema) {
  const scalar = (name: string) => {
    const type = schema.getType(name) as GraphQLScalarType;
    return (value: unknown) => (value === null || value === undefined ? null : type.serialize(value));
  };
  return { decimal: scalar('Decimal'), date: scalar('Date'), dateTime: scalar('DateTime') };
}

/** Rows an object type's read check would refuse make the executor answer instead. */
export function readable<Row extends { teamId: string }>(rows: Row[], { viewer }: Shaping): Row[] {
  if (!rows.every((row) => canReadSalesRecord(viewer, row))) throw new Unsupported('unreadable record');
  return rows;
}

export function opportunityTypes(schema: GraphQLSchema): ShapeTypes<Shaping> {
  const { decimal, date, dateTime } = scalars(schema);
  return {
    Opportunity: {
      id: globalId('Opportunity'),
      humanId: field<OpportunityRow>(opportunityHumanId),
      kind: column<OpportunityRow>('kind'),
      title: column<OpportunityRow>('title'),
      status: column<OpportunityRow>('status'),
      version: column<OpportunityRow>('version'),
      probability: column<OpportunityRow>('probability'),
      amount: field<OpportunityRow>((row) => decimal(row.amount)),
      weightedAmount: field<OpportunityRow>((row) => decimal(row.weightedAmount)),
      expectedCloseDate: field<OpportunityRow>((row) => date(row.expectedCloseDate)),
      lastActivityAt: field<OpportunityRow>((row) => dateTime(row.lastActivityAt)),
      stageEnteredAt: field<OpportunityRow>((row) => dateTime(row.stageEnteredAt)),
      closedAt: field<OpportunityRow>((row) => dateTime(row.closedAt)),
      createdAt: field<OpportunityRow>((row) => dateTime(row.createdAt)),
      updatedAt: field<OpportunityRow>((row) => dateTime(row.updatedAt)),
      daysWithoutActivity: field<OpportunityRow>((row, { now }) => daysWithoutActivity(row, now)),
      isStale: field<OpportunityRow>((row, { now, staleAfterDays }) => isStale(row, { now, staleAfterDays })),
      viewerCanEdit: field<OpportunityRow>((row, { viewer }) => canWriteSalesRecord(viewer, row)),
      accountId: field<OpportunityRow>((row) => encodeGlobalID('Account', row.accountId)),
      account: field<OpportunityRow>((row, { viewer }) => (canReadCustomerRecord(viewer, row.account) ? row.account : null), 'Account'),
      contact: field<OpportunityRow>((row, { viewer }) => (row.contact && canReadCustomerRecord(viewer, row.contact) ? row.contact : null), 'Contact'),
      owner: field<OpportunityRow>((row) => row.owner, 'User'),
      nextOpenActivity: field<OpportunityRow>((row, shaping) => readable(row.activities!, shaping)[0] ?? null, 'Activity'),
      pipeline: field<OpportunityRow>((row) => row.pipeline, 'Pipeline'),
      stage: field<OpportunityRow>((row) => row.stage, 'Stage'),
      team: field<OpportunityRow>((row) => row.team, 'Team'),
      source: field<OpportunityRow>((row) => row.source, 'Source'),
      tags: field<OpportunityRow>((row) => row.tags!.map((opportunityTag) => opportunityTag.tag), 'Tag'),
    },
    Account: { id: globalId('Account'), name: column('name') },
    Contact: {
      id: globalId('Contact'),
      fullName: field(contactFullName),
      title: column('title'),
      firstName: column('firstName'),
      lastName: column('lastName'),
    },
    User: { id: globalId('User'), name: column('name') },
    Activity: {
      id: globalId('Activity'),
      type: column<ActivityRow>('type'),
      subject: column<ActivityRow>('subject'),
      dueAt: field<ActivityRow>((activity) => dateTime(activity.dueAt)),
      status: field<ActivityRow>((activity, { now }) => activityStatus(activity, now)),
    },
    Pipeline: { id: globalId('Pipeline'), name: column('name'), kind: column('kind'), position: column('position') },
    Stage: { id: globalId('Stage'), name: column('name'), position: column('position'), probability: column('probability') },
    Team: { id: globalId('Team'), name: column('name'), type: column('type') },
    Source: { id: globalId('Source'), name: column('name'), active: column('active') },
    Tag: { id: globalId('Tag'), name: column('name'), color: column('color') },
  };
}
