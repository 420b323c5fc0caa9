import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { ValidationError } from '../../domain/errors.ts';
import {
  createSavedView,
  deleteSavedView,
  filterKindOf,
  reorderSavedViews,
  SAVED_VIEW_LISTS,
  SAVED_VIEW_ORDER,
  savedViewsWhere,
  updateSavedView,
  type FilterKind,
  type SavedViewList,
} from '../../domain/saved-views/saved-views.ts';
import { ACTIVITY_FILTER_TYPES, ActivityFilterInput } from '../activity-filter.ts';
import { CUSTOMER_FILTER_TYPES, CustomerListFilter } from '../customer-list-filter.ts';
import { decodeFilterIds, decodeId, encodeFilter, type FilterFieldTypes } from '../ids.ts';
import { validatedResult } from '../mutation-result.ts';
import { OPPORTUNITY_FILTER_TYPES, OpportunityFilterInput } from '../opportunity-filter.ts';
import { SortDirection } from '../sort-direction.ts';
import { requireViewer } from '../viewer.ts';

const FILTER_TYPES: Record<FilterKind, FilterFieldTypes> = {
  opportunities: OPPORTUNITY_FILTER_TYPES,
  customers: CUSTOMER_FILTER_TYPES,
  activities: ACTIVITY_FILTER_TYPES,
};

/**
 * Sort keys travel as the names of the lists' sort enums (EXPECTED_CLOSE_DATE); the domain knows
 * them as its values (expectedCloseDate). Every list's enum names its values this way (tested).
 */
export const sortKeyOf = (name: string) => name.toLowerCase().replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
export const sortNameOf = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase();

const SavedViewListEnum = builder.enumType('SavedViewList', { values: SAVED_VIEW_LISTS });

const SavedViewSort = builder.objectRef<{ field: string; descending: boolean }>('SavedViewSort').implement({
  fields: (t) => ({
    field: t.string({
      description: "A value of the list's sort enum (OpportunitySortField, AccountSortField, ContactSortField, ActivitySortField).",
      resolve: (sort) => sortNameOf(sort.field),
    }),
    direction: t.field({ type: SortDirection, resolve: (sort) => (sort.descending ? 'desc' : 'asc') }),
  }),
});

builder.prismaNode('SavedView', {
  id: { field: 'id' },
  nullable: true,
  description: "The viewer's named view of a list: filters, sort and columns. Presets are the client's; they are not stored.",
  findUnique: (id, context) => ({ id, userId: requireViewer(context).id }),
  runScopesOnType: true,
  authScopes: (view, context) => context.viewer?.id === view.userId,
  fields: (t) => ({
    list: t.expose('list', { type: SavedViewListEnum }),
    name: t.exposeString('name'),
    filters: t.field({
      type: 'JSON',
      description: "The list's filter as its query takes it (OpportunityFilter, CustomerListFilter or ActivityFilter): pass it on as `filter`.",
      resolve: (view) => encodeFilter(view.filters as Record<string, unknown>, FILTER_TYPES[filterKindOf(view.list)]),
    }),
    sort: t.field({
      type: SavedViewSort,
      nullable: true,
      description: "Null: the list's default order.",
      resolve: (view) => (view.sortField ? { field: view.sortField, descending: view.sortDescending } : null),
    }),
    columns: t.exposeStringList('columns', { description: "The client's column ids, in display order." }),
    position: t.exposeInt('position'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const SavedViewFiltersInput = builder.inputType('SavedViewFiltersInput', {
  description: "The filter of the view's list, in the one field for it: `customers` for ACCOUNTS and CONTACTS. Field errors name it `filters.<field>`.",
  fields: (t) => ({
    opportunities: t.field({ type: OpportunityFilterInput }),
    customers: t.field({ type: CustomerListFilter }),
    activities: t.field({ type: ActivityFilterInput }),
  }),
});

const SavedViewSortInput = builder.inputType('SavedViewSortInput', {
  fields: (t) => ({
    field: t.string({ required: true, description: "A value of the list's sort enum, e.g. AMOUNT." }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

const viewFields = {
  filters: { type: SavedViewFiltersInput },
  sort: { type: SavedViewSortInput },
};

const CreateSavedViewInput = builder.inputType('CreateSavedViewInput', {
  fields: (t) => ({
    list: t.field({ type: SavedViewListEnum, required: true }),
    name: t.string({ required: true, description: 'Unique among the viewer’s views of the list (ignoring case).' }),
    filters: t.field(viewFields.filters),
    sort: t.field(viewFields.sort),
    columns: t.stringList(),
  }),
});

const UpdateSavedViewInput = builder.inputType('UpdateSavedViewInput', {
  description: 'Only the given parts change; `filters` replaces the whole filter, `sort: null` restores the default order.',
  fields: (t) => ({
    name: t.string(),
    filters: t.field(viewFields.filters),
    sort: t.field(viewFields.sort),
    columns: t.stringList(),
  }),
});

type FiltersArg = typeof SavedViewFiltersInput.$inferInput | null | undefined;
type SortArg = typeof SavedViewSortInput.$inferInput | null | undefined;

/** The one given filter with database ids, tagged with its kind for the domain to match against the list. */
function decodeFilters(filters: FiltersArg) {
  if (!filters) return undefined;
  const given = (Object.keys(FILTER_TYPES) as FilterKind[]).filter((kind) => filters[kind] !== undefined && filters[kind] !== null);
  if (given.length !== 1) throw ValidationError.field('filters', 'ONE_OF', 'Give the filter of the view’s list, and only that one.');
  const [kind] = given;
  return { kind, value: decodeFilterIds(filters[kind] as object, FILTER_TYPES[kind], `filters.${kind}`) as Record<string, unknown> };
}

function decodeSort(sort: SortArg) {
  if (sort === null) return null;
  return sort && { field: sortKeyOf(sort.field), direction: sort.direction ?? 'asc' };
}

builder.queryField('savedViews', (t) =>
  t.prismaField({
    type: ['SavedView'],
    authScopes: { authenticated: true },
    description: "The viewer's saved views of a list, in their order.",
    args: { list: t.arg({ type: SavedViewListEnum, required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.savedView.findMany({ ...query, where: savedViewsWhere(requireViewer(context), args.list as SavedViewList), orderBy: SAVED_VIEW_ORDER }),
  }),
);

builder.mutationFields((t) => ({
  createSavedView: t.prismaField({
    type: 'SavedView',
    authScopes: { writer: true },
    description: "Saves a view at the end of the viewer's views of the list.",
    errors: validatedResult('CreateSavedView', 'savedView'),
    args: { input: t.arg({ type: CreateSavedViewInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const view = await createSavedView(context.prisma, requireViewer(context), {
        list: input.list,
        name: input.name,
        filters: decodeFilters(input.filters),
        sort: decodeSort(input.sort),
        columns: input.columns ?? undefined,
      });
      return context.prisma.savedView.findUniqueOrThrow({ ...query, where: { id: view.id } });
    },
  }),
  updateSavedView: t.prismaField({
    type: 'SavedView',
    authScopes: { writer: true },
    errors: validatedResult('UpdateSavedView', 'savedView'),
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateSavedViewInput, required: true }) },
    resolve: async (query, _root, { id, input }, context) => {
      const view = await updateSavedView(context.prisma, requireViewer(context), {
        id: decodeId(id, 'SavedView', 'id'),
        name: input.name,
        filters: decodeFilters(input.filters),
        sort: decodeSort(input.sort),
        columns: input.columns ?? undefined,
      });
      return context.prisma.savedView.findUniqueOrThrow({ ...query, where: { id: view.id } });
    },
  }),
  deleteSavedView: t.id({
    authScopes: { writer: true },
    errors: validatedResult('DeleteSavedView', 'deletedId'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, context) => {
      const deleted = await deleteSavedView(context.prisma, requireViewer(context), decodeId(id, 'SavedView', 'id'));
      return encodeGlobalID('SavedView', deleted.id);
    },
  }),
  reorderSavedViews: t.prismaField({
    type: ['SavedView'],
    authScopes: { writer: true },
    description: "Sets the order of the viewer's views of a list: `ids` must name each of them exactly once.",
    errors: validatedResult('ReorderSavedViews', 'savedViews'),
    args: { list: t.arg({ type: SavedViewListEnum, required: true }), ids: t.arg.idList({ required: true }) },
    resolve: async (query, _root, args, context) => {
      const ids = args.ids.map((id, index) => decodeId(id, 'SavedView', `ids.${index}`));
      const views = await reorderSavedViews(context.prisma, requireViewer(context), args.list as SavedViewList, ids);
      const rows = await context.prisma.savedView.findMany({ ...query, where: { id: { in: views.map((view) => view.id) } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return views.flatMap((view) => byId.get(view.id) ?? []);
    },
  }),
}));
