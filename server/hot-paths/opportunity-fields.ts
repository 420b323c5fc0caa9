import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import { canReadCustomerRecord, canReadSalesRecord, canWriteSalesRecord } from '../domain/access.ts';
import { activityStatus, nextOpenActivityQuery } from '../domain/activity-queries.ts';
import { contactFullName } from '../domain/contacts.ts';
import { daysWithoutActivity, isStale, opportunityHumanId } from '../domain/opportunity-queries.ts';
import type { Opportunity, Prisma } from '../generated/prisma/client.ts';
import { Unsupported, selectOf, type Plan, type ShapeField, type ShapeTypes } from './shape.ts';

// What the hot paths know of an opportunity (a board card, a list row) and its linked records:
// what each field answers, as the schema's resolvers do, through the same domain functions and
// the schema's own scalars, and what it reads of the opportunity's row.

export interface Shaping {
  viewer: Viewer;
  now: Date;
  staleAfterDays: number;
}

/** Only the columns and linked records the asked fields declare, as Pothos' select mode does; the id and team are always read (the type's read check). */
export function opportunitySelect(plans: readonly Plan<Shaping>[], shaping: Shaping): Prisma.OpportunitySelect {
  return selectOf(plans, shaping, { id: true, teamId: true });
}

/** A row as read by `opportunitySelect`: each field reads only what it asked for. */
export type OpportunityRow = Omit<Opportunity, RelationKey> & {
  account: { id: string; name: string; ownerId: string; teamId: string };
  contact: { id: string; title: string | null; firstName: string; lastName: string; ownerId: string; teamId: string } | null;
  owner: { id: string; name: string };
  activities?: { id: string; type: string; subject: string; dueAt: Date | null; doneAt: Date | null; teamId: string }[];
  pipeline?: { id: string; name: string; kind: string; position: number };
  stage?: { id: string; name: string; position: number; probability: number };
  team?: { id: string; name: string; type: string };
  source?: { id: string; name: string; active: boolean } | null;
  tags?: { tag: { id: string; name: string; color: string } }[];
};
type RelationKey = 'activities' | 'pipeline' | 'stage' | 'team' | 'source' | 'tags' | 'account' | 'contact' | 'owner';
type ActivityRow = NonNullable<OpportunityRow['activities']>[number];


export type Field<Row> = ShapeField<Row, Shaping>;
export const field = <Row>(value: (row: Row, shaping: Shaping) => unknown, options: Omit<Field<Row>, 'value'> = {}): Field<Row> => ({ value, ...options });
/** A column's value, serialized by `serialize` when it is not a GraphQL built-in scalar. */
const column = <Row>(name: keyof Row & string, serialize: (value: unknown) => unknown = (value) => value) =>
  field<Row>((row) => serialize(row[name]), { select: { [name]: true } });
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
      humanId: field<OpportunityRow>(opportunityHumanId, { select: { number: true } }),
      kind: column<OpportunityRow>('kind'),
      title: column<OpportunityRow>('title'),
      status: column<OpportunityRow>('status'),
      version: column<OpportunityRow>('version'),
      probability: column<OpportunityRow>('probability'),
      amount: column<OpportunityRow>('amount', decimal),
      weightedAmount: column<OpportunityRow>('weightedAmount', decimal),
      expectedCloseDate: column<OpportunityRow>('expectedCloseDate', date),
      lastActivityAt: column<OpportunityRow>('lastActivityAt', dateTime),
      stageEnteredAt: column<OpportunityRow>('stageEnteredAt', dateTime),
      closedAt: column<OpportunityRow>('closedAt', dateTime),
      createdAt: column<OpportunityRow>('createdAt', dateTime),
      updatedAt: column<OpportunityRow>('updatedAt', dateTime),
      daysWithoutActivity: field<OpportunityRow>((row, { now }) => daysWithoutActivity(row, now), {
        select: { lastActivityAt: true, createdAt: true },
      }),
      isStale: field<OpportunityRow>((row, { now, staleAfterDays }) => isStale(row, { now, staleAfterDays }), {
        select: { status: true, lastActivityAt: true, createdAt: true },
      }),
      viewerCanEdit: field<OpportunityRow>((row, { viewer }) => canWriteSalesRecord(viewer, row), { select: { ownerId: true } }),
      accountId: field<OpportunityRow>((row) => encodeGlobalID('Account', row.accountId), { select: { accountId: true } }),
      account: field<OpportunityRow>((row, { viewer }) => (canReadCustomerRecord(viewer, row.account) ? row.account : null), {
        type: 'Account',
        select: { account: { select: { id: true, name: true, ownerId: true, teamId: true } } },
      }),
      contact: field<OpportunityRow>((row, { viewer }) => (row.contact && canReadCustomerRecord(viewer, row.contact) ? row.contact : null), {
        type: 'Contact',
        select: { contact: { select: { id: true, title: true, firstName: true, lastName: true, ownerId: true, teamId: true } } },
      }),
      owner: field<OpportunityRow>((row) => row.owner, { type: 'User', select: { owner: { select: { id: true, name: true } } } }),
      nextOpenActivity: field<OpportunityRow>((row, shaping) => readable(row.activities!, shaping)[0] ?? null, {
        type: 'Activity',
        select: ({ viewer }) => ({
          activities: { ...nextOpenActivityQuery(viewer), select: { id: true, type: true, subject: true, dueAt: true, doneAt: true, teamId: true } },
        }),
      }),
      pipeline: field<OpportunityRow>((row) => row.pipeline, { type: 'Pipeline', select: { pipeline: { select: { id: true, name: true, kind: true, position: true } } } }),
      stage: field<OpportunityRow>((row) => row.stage, { type: 'Stage', select: { stage: { select: { id: true, name: true, position: true, probability: true } } } }),
      team: field<OpportunityRow>((row) => row.team, { type: 'Team', select: { team: { select: { id: true, name: true, type: true } } } }),
      source: field<OpportunityRow>((row) => row.source, { type: 'Source', select: { source: { select: { id: true, name: true, active: true } } } }),
      tags: field<OpportunityRow>((row) => row.tags!.map((opportunityTag) => opportunityTag.tag), {
        type: 'Tag',
        select: { tags: { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { name: 'asc' } } } },
      }),
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
