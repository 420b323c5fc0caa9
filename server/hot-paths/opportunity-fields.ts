import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import type { Viewer } from '../auth/viewer.ts';
import { canReadCustomerRecord, canReadSalesRecord, canWriteSalesRecord } from '../domain/access.ts';
import { activityStatus, nextOpenActivityQuery } from '../domain/activity-queries.ts';
import { contactFullName } from '../domain/contacts.ts';
import { daysWithoutActivity, isStale, opportunityHumanId } from '../domain/opportunity-queries.ts';
import type { Opportunity, Prisma } from '../generated/prisma/client.ts';
import { Unsupported, type ShapeField, type ShapeTypes } from './shape.ts';

// What the hot paths know of an opportunity (a board card, a list row) and its linked records:
// the columns they read and what each field answers, as the schema's resolvers do, through the
// same domain functions and the schema's own scalars.

export interface Shaping {
  viewer: Viewer;
  now: Date;
  staleAfterDays: number;
}

/** Opportunity columns each field reads; the id and team are always read (the type's read check). */
const COLUMNS: Record<string, (keyof Opportunity)[]> = {
  humanId: ['number'],
  kind: ['kind'],
  title: ['title'],
  status: ['status'],
  version: ['version'],
  probability: ['probability'],
  amount: ['amount'],
  weightedAmount: ['weightedAmount'],
  expectedCloseDate: ['expectedCloseDate'],
  lastActivityAt: ['lastActivityAt'],
  stageEnteredAt: ['stageEnteredAt'],
  closedAt: ['closedAt'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  daysWithoutActivity: ['lastActivityAt', 'createdAt'],
  isStale: ['status', 'lastActivityAt', 'createdAt'],
  viewerCanEdit: ['ownerId'],
  accountId: ['accountId'],
};

/** Only the columns and linked records the asked fields need, as Pothos' select mode does. */
export function opportunitySelect(viewer: Viewer, asked: ReadonlySet<string>): Prisma.OpportunitySelect {
  const select: Prisma.OpportunitySelect = { id: true, teamId: true };
  const columns = select as Record<string, unknown>;
  for (const name of asked) for (const column of COLUMNS[name] ?? []) columns[column] = true;
  if (asked.has('account')) select.account = { select: { id: true, name: true, ownerId: true, teamId: true } };
  if (asked.has('contact')) select.contact = { select: { id: true, title: true, firstName: true, lastName: true, ownerId: true, teamId: true } };
  if (asked.has('owner')) select.owner = { select: { id: true, name: true } };
  if (asked.has('nextOpenActivity')) {
    select.activities = { ...nextOpenActivityQuery(viewer), select: { id: true, type: true, subject: true, dueAt: true, doneAt: true, teamId: true } };
  }
  if (asked.has('pipeline')) select.pipeline = { select: { id: true, name: true, kind: true, position: true } };
  if (asked.has('stage')) select.stage = { select: { id: true, name: true, position: true, probability: true } };
  if (asked.has('team')) select.team = { select: { id: true, name: true, type: true } };
  if (asked.has('source')) select.source = { select: { id: true, name: true, active: true } };
  if (asked.has('tags')) select.tags = { select: { tag: { select: { id: true, name: true, color: true } } }, orderBy: { tag: { name: 'asc' } } };
  return select;
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
