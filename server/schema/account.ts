import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../builder.ts';
import { accountReadWhere, canReadCustomerRecord, customerRecordReadWhere, canWriteCustomerRecord, contactReadWhere } from '../domain/access.ts';
import { createAccount, deleteAccount, DuplicateAccountError, updateAccount } from '../domain/accounts.ts';
import { accountListWhere, accountOrderBy } from '../domain/customer-queries.ts';
import { ValidationError } from '../domain/errors.ts';
import { Address, AddressInput } from './address.ts';
import { CustomerListFilter, decodeListFilter } from './customer-list-filter.ts';
import { decodeId, decodeInputId, decodeInputIds } from './ids.ts';
import { SortDirection } from './sort-direction.ts';
import { TagRef } from './tag.ts';
import { requireViewer } from './viewer.ts';

export const AccountRef = builder.prismaNode('Account', {
  id: { field: 'id' },
  // A missing or unreadable record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A company: customer, prospect or partner.',
  // Unreadable accounts look exactly like missing ones to `node(id:)`.
  findUnique: (id, context) => ({ id, ...customerRecordReadWhere(requireViewer(context)) }),
  // Defence in depth: whatever path leads to an account, the viewer must be allowed to read it.
  runScopesOnType: true,
  authScopes: (account, context) => context.viewer !== null && canReadCustomerRecord(context.viewer, account),
  fields: (t) => ({
    name: t.exposeString('name'),
    legalForm: t.exposeString('legalForm', { nullable: true }),
    industry: t.exposeString('industry', { nullable: true }),
    website: t.exposeString('website', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    address: t.field({ type: Address, resolve: (account) => account }),
    employees: t.exposeInt('employees', { nullable: true }),
    description: t.exposeString('description', { nullable: true }),
    status: t.relation('status'),
    source: t.relation('source', { nullable: true }),
    owner: t.relation('owner'),
    team: t.relation('team'),
    tags: t.field({
      type: [TagRef],
      select: { tags: { select: { tag: true }, orderBy: { tag: { name: 'asc' } } } },
      resolve: (account) => account.tags.map((accountTag) => accountTag.tag),
    }),
    contacts: t.relatedConnection('contacts', {
      cursor: 'id',
      totalCount: true,
      query: (_args, context) => ({
        where: contactReadWhere(requireViewer(context)),
        orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
      }),
    }),
    viewerCanEdit: t.boolean({
      description: 'Whether the viewer may change or delete this account.',
      resolve: (account, _args, context) => canWriteCustomerRecord(requireViewer(context), account),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const AccountSortField = builder.enumType('AccountSortField', {
  values: {
    NAME: { value: 'name' },
    CITY: { value: 'city' },
    CREATED_AT: { value: 'createdAt' },
    UPDATED_AT: { value: 'updatedAt' },
  } as const,
});

const AccountOrder = builder.inputType('AccountOrder', {
  fields: (t) => ({
    field: t.field({ type: AccountSortField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

builder.queryFields((t) => ({
  accounts: t.prismaConnection(
    {
      type: 'Account',
      cursor: 'id',
      authScopes: { authenticated: true },
      description: 'Accounts the viewer can read. `search` matches name, city, postcode, e-mail and industry.',
      args: {
        search: t.arg.string(),
        filter: t.arg({ type: CustomerListFilter }),
        orderBy: t.arg({ type: AccountOrder }),
      },
      resolve: (query, _root, args, context) =>
        context.prisma.account.findMany({
          ...query,
          where: accountListWhere(requireViewer(context), decodeListFilter(args.filter, args.search)),
          orderBy: accountOrderBy(args.orderBy?.field, args.orderBy?.direction ?? undefined),
        }),
      totalCount: (_connection, args, context) =>
        context.prisma.account.count({
          where: accountListWhere(requireViewer(context), decodeListFilter(args.filter, args.search)),
        }),
    },
    {},
    {},
  ),
  account: t.prismaField({
    type: 'Account',
    nullable: true,
    description: 'An account by id; null when it does not exist or the viewer may not read it.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.account.findFirst({
        ...query,
        where: { id: decodeId(args.id, 'Account', 'id'), ...accountReadWhere(requireViewer(context)) },
      }),
  }),
}));

const accountInputFields = (t: InputFields) => ({
  legalForm: t.string({ description: 'e.g. GmbH, AG, GmbH & Co. KG' }),
  industry: t.string(),
  website: t.string({ description: '`example.de` or a full https URL.' }),
  email: t.string(),
  phone: t.string(),
  address: t.field({ type: AddressInput }),
  employees: t.int(),
  description: t.string(),
  statusKey: t.string({ description: 'Key of a LifecycleStatus; PROSPECT when omitted on create.' }),
  sourceId: t.id(),
  ownerId: t.id({ description: 'Defaults to the viewer.' }),
  teamId: t.id({ description: "Defaults to the owner's team when unambiguous." }),
  tagIds: t.idList(),
  allowDuplicate: t.boolean({ description: 'Save even when a similar account exists.' }),
});

const CreateAccountInput = builder.inputType('CreateAccountInput', {
  fields: (t) => ({ name: t.string({ required: true }), ...accountInputFields(t) }),
});

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  description: 'Omitted fields stay as they are; null clears an optional field.',
  fields: (t) => ({ name: t.string(), ...accountInputFields(t) }),
});

type AccountInputArgs = typeof CreateAccountInput.$inferInput | typeof UpdateAccountInput.$inferInput;

function decodeAccountInput<Input extends AccountInputArgs>(input: Input) {
  return {
    ...input,
    sourceId: decodeInputId(input.sourceId, 'Source'),
    ownerId: decodeInputId(input.ownerId, 'User') ?? undefined,
    teamId: decodeInputId(input.teamId, 'Team') ?? undefined,
    tagIds: decodeInputIds(input.tagIds, 'Tag'),
  };
}

builder.mutationFields((t) => ({
  createAccount: t.prismaField({
    type: 'Account',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, DuplicateAccountError],
      result: { name: 'CreateAccountSuccess' },
      union: { name: 'CreateAccountResult' },
      dataField: { name: 'account' },
    },
    args: { input: t.arg({ type: CreateAccountInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const account = await createAccount(context.prisma, requireViewer(context), {
        ...decodeAccountInput(input),
        name: input.name,
      });
      return context.prisma.account.findUniqueOrThrow({ ...query, where: { id: account.id } });
    },
  }),
  updateAccount: t.prismaField({
    type: 'Account',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, DuplicateAccountError],
      result: { name: 'UpdateAccountSuccess' },
      union: { name: 'UpdateAccountResult' },
      dataField: { name: 'account' },
    },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateAccountInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const account = await updateAccount(context.prisma, requireViewer(context), decodeId(id, 'Account', 'id'), {
        ...decodeAccountInput(input),
        name: input.name ?? undefined,
      });
      return context.prisma.account.findUniqueOrThrow({ ...query, where: { id: account.id } });
    },
  }),
  deleteAccount: t.field({
    type: 'ID',
    authScopes: { writer: true },
    description: "Deletes an account; its contacts stay, without account.",
    errors: {
      types: [ValidationError],
      result: { name: 'DeleteAccountSuccess' },
      union: { name: 'DeleteAccountResult' },
      dataField: { name: 'deletedId' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const deleted = await deleteAccount(context.prisma, requireViewer(context), decodeId(id, 'Account', 'id'));
      return encodeGlobalID('Account', deleted.id);
    },
  }),
}));
