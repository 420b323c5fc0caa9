import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../builder.ts';
import { completeActivity, createActivity, deleteActivity, rescheduleActivity, updateActivity } from '../domain/activities.ts';
import { applyActivityPlan } from '../domain/activity-plans.ts';
import { ValidationError } from '../domain/errors.ts';
import { ActivityTypeEnum } from './activity-type.ts';
import { decodeId, decodeInputId } from './ids.ts';
import { requireViewer } from './viewer.ts';

const editableFields = (t: InputFields) => ({
  notes: t.string({ description: 'The body: what was discussed, at most 20,000 characters.' }),
  outcome: t.string({ description: 'What came of it, in a line (at most 500 characters).' }),
  assigneeId: t.id({ description: 'Defaults to the viewer on create; must be an active user who can see the record.' }),
  dueAt: t.field({ type: 'DateTime' }),
  durationMinutes: t.int({ description: '0-1440.' }),
});

const CreateActivityInput = builder.inputType('CreateActivityInput', {
  description:
    'At least one of opportunityId, accountId, contactId. With an opportunity, account and contact default to its own.',
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum, required: true }),
    subject: t.string({ required: true }),
    ...editableFields(t),
    opportunityId: t.id(),
    accountId: t.id(),
    contactId: t.id(),
    doneAt: t.field({
      type: 'DateTime',
      description: 'Logs something that already happened (not in the future); its due time defaults to this moment.',
    }),
  }),
});

const UpdateActivityInput = builder.inputType('UpdateActivityInput', {
  description: 'Omitted fields stay as they are; null clears an optional field. Use completeActivity to mark it done.',
  fields: (t) => ({
    type: t.field({ type: ActivityTypeEnum }),
    subject: t.string(),
    ...editableFields(t),
    doneAt: t.field({ type: 'DateTime', description: 'Corrects when a completed activity was done; not in the future.' }),
  }),
});

function activityResult(name: string) {
  return {
    types: [ValidationError],
    result: { name: `${name}Success` },
    union: { name: `${name}Result` },
    dataField: { name: 'activity' },
  };
}

builder.mutationFields((t) => ({
  createActivity: t.prismaField({
    type: 'Activity',
    authScopes: { writer: true },
    errors: activityResult('CreateActivity'),
    args: { input: t.arg({ type: CreateActivityInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const activity = await createActivity(context.prisma, requireViewer(context), {
        ...input,
        opportunityId: decodeInputId(input.opportunityId, 'Opportunity'),
        accountId: decodeInputId(input.accountId, 'Account'),
        contactId: decodeInputId(input.contactId, 'Contact'),
        assigneeId: decodeInputId(input.assigneeId, 'User'),
      });
      return context.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  updateActivity: t.prismaField({
    type: 'Activity',
    authScopes: { writer: true },
    errors: activityResult('UpdateActivity'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateActivityInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const activity = await updateActivity(context.prisma, requireViewer(context), decodeId(id, 'Activity', 'id'), {
        ...input,
        assigneeId: decodeInputId(input.assigneeId, 'User'),
      });
      return context.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  completeActivity: t.prismaField({
    type: 'Activity',
    authScopes: { writer: true },
    description:
      'Marks an activity done now, or at `doneAt` when it was done earlier (`done: false` opens it again). Asking for the state it is in changes nothing.',
    errors: activityResult('CompleteActivity'),
    args: {
      id: t.arg.id({ required: true }),
      done: t.arg.boolean({ defaultValue: true }),
      doneAt: t.arg({ type: 'DateTime', description: 'When it was done, if not now; not in the future.' }),
    },
    resolve: async (query, _root, { id, done, doneAt }, context) => {
      const activity = await completeActivity(context.prisma, requireViewer(context), decodeId(id, 'Activity', 'id'), done ?? true, {
        doneAt,
      });
      return context.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  rescheduleActivity: t.prismaField({
    type: 'Activity',
    authScopes: { writer: true },
    description: 'Moves an open activity to another time (and duration); a completed one gives ALREADY_DONE on dueAt.',
    errors: activityResult('RescheduleActivity'),
    args: {
      id: t.arg.id({ required: true }),
      dueAt: t.arg({ type: 'DateTime', required: true }),
      durationMinutes: t.arg.int({ description: '0-1440; unchanged when omitted, null clears it.' }),
    },
    resolve: async (query, _root, args, context) => {
      const activity = await rescheduleActivity(context.prisma, requireViewer(context), decodeId(args.id, 'Activity', 'id'), {
        dueAt: args.dueAt,
        durationMinutes: args.durationMinutes,
      });
      return context.prisma.activity.findUniqueOrThrow({ ...query, where: { id: activity.id } });
    },
  }),
  deleteActivity: t.id({
    authScopes: { writer: true },
    errors: {
      types: [ValidationError],
      result: { name: 'DeleteActivitySuccess' },
      union: { name: 'DeleteActivityResult' },
      dataField: { name: 'deletedId' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const deleted = await deleteActivity(context.prisma, requireViewer(context), decodeId(id, 'Activity', 'id'));
      return encodeGlobalID('Activity', deleted.id);
    },
  }),
  applyActivityPlan: t.prismaField({
    type: ['Activity'],
    authScopes: { writer: true },
    description:
      "Schedules the activity plan of the opportunity's pipeline: one activity per step, due `dayOffset` days after `startDate` at 09:00 (Europe/Berlin), assigned to the owner. A pipeline without plan gives a ValidationError with reason NO_ACTIVITY_PLAN.",
    errors: {
      types: [ValidationError],
      result: { name: 'ApplyActivityPlanSuccess' },
      union: { name: 'ApplyActivityPlanResult' },
      dataField: { name: 'activities', description: 'The new activities in plan order.' },
    },
    args: {
      opportunityId: t.arg.id({ required: true }),
      startDate: t.arg({ type: 'Date', description: 'Today (Europe/Berlin) when omitted.' }),
    },
    resolve: async (query, _root, args, context) => {
      const created = await applyActivityPlan(
        context.prisma,
        requireViewer(context),
        decodeId(args.opportunityId, 'Opportunity', 'opportunityId'),
        args.startDate,
      );
      const rows = await context.prisma.activity.findMany({ ...query, where: { id: { in: created.map((activity) => activity.id) } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return created.flatMap((activity) => byId.get(activity.id) ?? []);
    },
  }),
}));
