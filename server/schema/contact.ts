import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder, type InputFields } from '../builder.ts';
import { canReadCustomerRecord, canWriteCustomerRecord, contactReadWhere, customerRecordReadWhere } from '../domain/access.ts';
import { contactFullName, createContact, deleteContact, DuplicateContactError, updateContact } from '../domain/contacts.ts';
import { contactListWhere, contactOrderBy } from '../domain/customer-queries.ts';
import { ValidationError } from '../domain/errors.ts';
import { AccountRef } from './account.ts';
import { Address, AddressInput } from './address.ts';
import { CustomerListFilter, decodeListFilter } from './customer-list-filter.ts';
import { decodeId, decodeInputId, decodeInputIds } from './ids.ts';
import { SortDirection } from './sort-direction.ts';
import { TagRef } from './tag.ts';
import { requireViewer } from './viewer.ts';

export const ContactRef = builder.prismaNode('Contact', {
  id: { field: 'id' },
  // A missing or unreadable record resolves `node(id:)` to null instead of an error.
  nullable: true,
  description: 'A person, usually working at an account.',
  findUnique: (id, context) => ({ id, ...customerRecordReadWhere(requireViewer(context)) }),
  runScopesOnType: true,
  authScopes: (contact, context) => context.viewer !== null && canReadCustomerRecord(context.viewer, contact),
  fields: (t) => ({
    salutation: t.exposeString('salutation', { nullable: true }),
    title: t.exposeString('title', { nullable: true, description: 'Academic title, e.g. Dr.' }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName'),
    fullName: t.string({
      resolve: contactFullName,
    }),
    jobTitle: t.exposeString('jobTitle', { nullable: true }),
    department: t.exposeString('department', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    mobile: t.exposeString('mobile', { nullable: true }),
    address: t.field({ type: Address, resolve: (contact) => contact }),
    birthday: t.expose('birthday', { type: 'Date', nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    status: t.relation('status'),
    account: t.field({
      type: AccountRef,
      nullable: true,
      description: 'Null for a standalone contact, or when the viewer may not read the account (it belongs to another team).',
      select: (_args, _context, nestedSelection) => ({ account: nestedSelection(true) }),
      resolve: (contact, _args, context) =>
        contact.account && canReadCustomerRecord(requireViewer(context), contact.account) ? contact.account : null,
    }),
    accountId: t.id({
      nullable: true,
      description: 'The account, also when `account` is null because the viewer may not read it; null for a standalone contact.',
      select: { accountId: true },
      resolve: (contact) => (contact.accountId ? encodeGlobalID('Account', contact.accountId) : null),
    }),
    source: t.relation('source', { nullable: true }),
    owner: t.relation('owner'),
    team: t.relation('team'),
    tags: t.field({
      type: [TagRef],
      select: { tags: { select: { tag: true }, orderBy: { tag: { name: 'asc' } } } },
      resolve: (contact) => contact.tags.map((contactTag) => contactTag.tag),
    }),
    viewerCanEdit: t.boolean({
      resolve: (contact, _args, context) => canWriteCustomerRecord(requireViewer(context), contact),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const ContactSortField = builder.enumType('ContactSortField', {
  values: {
    LAST_NAME: { value: 'lastName' },
    CITY: { value: 'city' },
    CREATED_AT: { value: 'createdAt' },
    UPDATED_AT: { value: 'updatedAt' },
  } as const,
});

const ContactOrder = builder.inputType('ContactOrder', {
  fields: (t) => ({
    field: t.field({ type: ContactSortField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

builder.queryFields((t) => ({
  contacts: t.prismaConnection({
    type: 'Contact',
    cursor: 'id',
    authScopes: { authenticated: true },
    description: "Contacts the viewer can read. `search` matches names, e-mail, job title, city and the account's name.",
    args: {
      search: t.arg.string(),
      accountId: t.arg.id(),
      filter: t.arg({ type: CustomerListFilter }),
      orderBy: t.arg({ type: ContactOrder }),
    },
    resolve: (query, _root, args, context) =>
      context.prisma.contact.findMany({
        ...query,
        where: contactWhere(args, context),
        orderBy: contactOrderBy(args.orderBy?.field, args.orderBy?.direction ?? undefined),
      }),
    totalCount: (_connection, args, context) => context.prisma.contact.count({ where: contactWhere(args, context) }),
  }),
  contact: t.prismaField({
    type: 'Contact',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.contact.findFirst({
        ...query,
        where: { id: decodeId(args.id, 'Contact', 'id'), ...contactReadWhere(requireViewer(context)) },
      }),
  }),
}));

function contactWhere(
  args: { search?: string | null; accountId?: string | null; filter?: typeof CustomerListFilter.$inferInput | null },
  context: Parameters<typeof requireViewer>[0],
) {
  return contactListWhere(requireViewer(context), {
    ...decodeListFilter(args.filter, args.search),
    accountId: args.accountId ? decodeId(args.accountId, 'Account', 'accountId') : undefined,
  });
}

const contactInputFields = (t: InputFields) => ({
  salutation: t.string({ description: 'e.g. Frau, Herr' }),
  title: t.string({ description: 'Academic title, e.g. Dr.' }),
  jobTitle: t.string(),
  department: t.string(),
  email: t.string(),
  phone: t.string(),
  mobile: t.string(),
  address: t.field({ type: AddressInput }),
  birthday: t.string({ description: 'YYYY-MM-DD' }),
  notes: t.string(),
  statusKey: t.string(),
  accountId: t.id({ description: 'The account the person works at; null for a standalone contact.' }),
  sourceId: t.id(),
  ownerId: t.id({ description: 'Defaults to the viewer.' }),
  teamId: t.id({ description: "Defaults to the account's team, else the owner's team when unambiguous." }),
  tagIds: t.idList(),
  allowDuplicate: t.boolean({ description: 'Save even when a similar contact exists.' }),
});

const CreateContactInput = builder.inputType('CreateContactInput', {
  fields: (t) => ({
    firstName: t.string({ required: true }),
    lastName: t.string({ required: true }),
    ...contactInputFields(t),
  }),
});

const UpdateContactInput = builder.inputType('UpdateContactInput', {
  description: 'Omitted fields stay as they are; null clears an optional field.',
  fields: (t) => ({ firstName: t.string(), lastName: t.string(), ...contactInputFields(t) }),
});

function decodeContactInput(input: typeof CreateContactInput.$inferInput | typeof UpdateContactInput.$inferInput) {
  return {
    ...input,
    firstName: input.firstName ?? undefined,
    lastName: input.lastName ?? undefined,
    accountId: decodeInputId(input.accountId, 'Account'),
    sourceId: decodeInputId(input.sourceId, 'Source'),
    ownerId: decodeInputId(input.ownerId, 'User') ?? undefined,
    teamId: decodeInputId(input.teamId, 'Team') ?? undefined,
    tagIds: decodeInputIds(input.tagIds, 'Tag'),
  };
}

builder.mutationFields((t) => ({
  createContact: t.prismaField({
    type: 'Contact',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, DuplicateContactError],
      result: { name: 'CreateContactSuccess' },
      union: { name: 'CreateContactResult' },
      dataField: { name: 'contact' },
    },
    args: { input: t.arg({ type: CreateContactInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const contact = await createContact(context.prisma, requireViewer(context), {
        ...decodeContactInput(input),
        firstName: input.firstName,
        lastName: input.lastName,
      });
      return context.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
  updateContact: t.prismaField({
    type: 'Contact',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, DuplicateContactError],
      result: { name: 'UpdateContactSuccess' },
      union: { name: 'UpdateContactResult' },
      dataField: { name: 'contact' },
    },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateContactInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const contact = await updateContact(
        context.prisma,
        requireViewer(context),
        decodeId(id, 'Contact', 'id'),
        decodeContactInput(input),
      );
      return context.prisma.contact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
  deleteContact: t.field({
    type: 'ID',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError],
      result: { name: 'DeleteContactSuccess' },
      union: { name: 'DeleteContactResult' },
      dataField: { name: 'deletedId' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const deleted = await deleteContact(context.prisma, requireViewer(context), decodeId(id, 'Contact', 'id'));
      return encodeGlobalID('Contact', deleted.id);
    },
  }),
}));
