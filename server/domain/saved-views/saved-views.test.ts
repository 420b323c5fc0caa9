import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../auth/authenticate.ts';
import type { Viewer } from '../../auth/viewer.ts';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../../test/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { opportunityListWhere } from '../opportunity-queries.ts';
import {
  createSavedView,
  deleteSavedView,
  MAX_VIEWS_PER_LIST,
  reorderSavedViews,
  SAVED_VIEW_ORDER,
  savedViewsWhere,
  updateSavedView,
} from './saved-views.ts';

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};

async function reasonsOf(promise: Promise<unknown>) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors.map((fieldError) => [fieldError.field, fieldError.reason]);
}

const opportunities = (value: Record<string, unknown>) => ({ kind: 'opportunities' as const, value });

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['northManager', 'northSales', 'northSales2', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
});
afterAll(() => database.drop());

describe('saved views', () => {
  it('stores the filter as the list schema validated it, usable by the list query as it is', async () => {
    const view = await createSavedView(prisma, viewers.northSales, {
      list: 'OPPORTUNITIES',
      name: 'Gewonnen im Norden',
      filters: opportunities({ statuses: ['WON'], teamIds: [org.north.id], closeDateFrom: new Date('2027-01-01'), search: '  Kran ', stale: null }),
      sort: { field: 'amount', direction: 'desc' },
      columns: ['title', 'account', 'amount'],
    });
    expect(view).toMatchObject({ list: 'OPPORTUNITIES', position: 0, sortField: 'amount', sortDescending: true, columns: ['title', 'account', 'amount'] });
    expect(view.filters).toEqual({ statuses: ['WON'], teamIds: [org.north.id], closeDateFrom: '2027-01-01T00:00:00.000Z', search: 'Kran' });
    // What was stored is a valid filter of the list.
    expect(() => opportunityListWhere(viewers.northSales, view.filters as never, { now: new Date(), staleAfterDays: 14 })).not.toThrow();
  });

  it('refuses an invalid filter, sort, columns and name with field errors, and a filter of another list', async () => {
    expect(
      await reasonsOf(
        createSavedView(prisma, viewers.northSales, {
          list: 'OPPORTUNITIES',
          name: ' ',
          filters: opportunities({ ownerIds: ['nope'], closeDateTo: new Date('2300-01-01') }),
          columns: ['title', 'title', '1x'],
        }),
      ),
    ).toEqual([
      ['name', 'REQUIRED'],
      ['columns.2', 'INVALID_FORMAT'],
      ['columns', 'DUPLICATE'],
    ]);
    expect(await reasonsOf(createSavedView(prisma, viewers.northSales, { list: 'OPPORTUNITIES', name: 'X', filters: opportunities({ ownerIds: ['nope'], closeDateTo: new Date('2300-01-01') }) }))).toEqual([
      ['filters.ownerIds.0', 'INVALID_ID'],
      ['filters.closeDateTo', 'TOO_LARGE'],
    ]);
    expect(await reasonsOf(createSavedView(prisma, viewers.northSales, { list: 'ACCOUNTS', name: 'X', filters: opportunities({}) }))).toEqual([['filters', 'WRONG_LIST']]);
    expect(await reasonsOf(createSavedView(prisma, viewers.northSales, { list: 'ACCOUNTS', name: 'X', sort: { field: 'amount' } }))).toEqual([['sort.field', 'INVALID_VALUE']]);
    expect(await reasonsOf(createSavedView(prisma, viewers.northSales, { list: 'LEADS' as 'ACCOUNTS', name: 'X' }))).toEqual([['list', 'INVALID_VALUE']]);
    expect(await prisma.savedView.count({ where: { name: 'X' } })).toBe(0);
  });

  it('keeps names unique per user and list, ignoring case, but not across users or lists', async () => {
    await createSavedView(prisma, viewers.northSales, { list: 'ACCOUNTS', name: 'Kunden Hamburg', filters: { kind: 'customers', value: { search: 'Hamburg' } } });
    expect(await reasonsOf(createSavedView(prisma, viewers.northSales, { list: 'ACCOUNTS', name: 'kunden hamburg' }))).toEqual([['name', 'TAKEN']]);
    await expect(createSavedView(prisma, viewers.northSales, { list: 'CONTACTS', name: 'Kunden Hamburg' })).resolves.toMatchObject({ list: 'CONTACTS' });
    await expect(createSavedView(prisma, viewers.northSales2, { list: 'ACCOUNTS', name: 'Kunden Hamburg' })).resolves.toMatchObject({ position: 0 });
    const other = await createSavedView(prisma, viewers.northSales, { list: 'ACCOUNTS', name: 'Kunden Bremen' });
    expect(await reasonsOf(updateSavedView(prisma, viewers.northSales, { id: other.id, name: 'KUNDEN HAMBURG' }))).toEqual([['name', 'TAKEN']]);
  });

  it("changes only the given parts, restores the default order, and only for the view's owner", async () => {
    const view = await createSavedView(prisma, viewers.northManager, {
      list: 'ACTIVITIES',
      name: 'Überfällig',
      filters: { kind: 'activities', value: { status: ['OVERDUE'], mine: true } },
      sort: { field: 'dueAt' },
    });
    const renamed = await updateSavedView(prisma, viewers.northManager, { id: view.id, name: 'Überfällige Aufgaben' });
    expect(renamed).toMatchObject({ name: 'Überfällige Aufgaben', filters: { status: ['OVERDUE'], mine: true }, sortField: 'dueAt' });
    const unsorted = await updateSavedView(prisma, viewers.northManager, { id: view.id, sort: null, filters: { kind: 'activities', value: { types: ['CALL'] } } });
    expect(unsorted).toMatchObject({ sortField: null, sortDescending: false, filters: { types: ['CALL'] } });
    await expect(updateSavedView(prisma, viewers.northSales, { id: view.id, name: 'Meins' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(prisma, viewers.northSales, view.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSavedView(prisma, viewers.northManager, view.id)).resolves.toEqual({ id: view.id });
  });

  it('reorders the whole list of a user, refusing an incomplete one or views of others', async () => {
    const names = ['Eins', 'Zwei', 'Drei'];
    const views = [];
    for (const name of names) views.push(await createSavedView(prisma, viewers.northSales2, { list: 'CONTACTS', name }));
    expect(views.map((view) => view.position)).toEqual([0, 1, 2]);
    const reordered = await reorderSavedViews(prisma, viewers.northSales2, 'CONTACTS', [views[2].id, views[0].id, views[1].id]);
    expect(reordered.map((view) => view.name)).toEqual(['Drei', 'Eins', 'Zwei']);
    expect(await reasonsOf(reorderSavedViews(prisma, viewers.northSales2, 'CONTACTS', [views[2].id, views[0].id]))).toEqual([['ids', 'MISMATCH']]);
    const foreign = await createSavedView(prisma, viewers.northSales, { list: 'CONTACTS', name: 'Fremd' });
    expect(await reasonsOf(reorderSavedViews(prisma, viewers.northSales2, 'CONTACTS', [views[2].id, views[0].id, foreign.id]))).toEqual([['ids', 'MISMATCH']]);
    const listed = await prisma.savedView.findMany({ where: savedViewsWhere(viewers.northSales2, 'CONTACTS'), orderBy: SAVED_VIEW_ORDER });
    expect(listed.map((view) => view.name)).toEqual(['Drei', 'Eins', 'Zwei']);
  });

  it('refuses read-only tokens, SERVICE on the sales lists, and more than the maximum per list', async () => {
    await expect(createSavedView(prisma, { ...viewers.northSales, readOnly: true }, { list: 'ACCOUNTS', name: 'Nur lesen' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSavedView(prisma, viewers.service, { list: 'OPPORTUNITIES', name: 'Service' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSavedView(prisma, viewers.service, { list: 'ACTIVITIES', name: 'Service' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSavedView(prisma, viewers.service, { list: 'ACCOUNTS', name: 'Service' })).resolves.toMatchObject({ list: 'ACCOUNTS' });
    await prisma.savedView.createMany({
      data: Array.from({ length: MAX_VIEWS_PER_LIST - 1 }, (_, index) => ({ userId: org.service.id, list: 'ACCOUNTS' as const, name: `Ansicht ${index}`, position: index + 1 })),
    });
    expect(await reasonsOf(createSavedView(prisma, viewers.service, { list: 'ACCOUNTS', name: 'Eine zu viel' }))).toEqual([['list', 'TOO_MANY']]);
  });
});
