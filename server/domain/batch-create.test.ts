import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../auth/authenticate.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertAccount, insertPipeline } from '../test/sales-fixtures.ts';
import { countStatements } from '../test/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../test/test-database.ts';
import { createAccount, createAccounts, DuplicateAccountError } from './accounts.ts';
import { createContacts, DuplicateContactError } from './contacts.ts';
import { DomainError, ForbiddenError, ValidationError } from './errors.ts';
import { collectEvents } from './events.ts';
import { createOpportunities } from './opportunities.ts';

// The batch forms of the create rules (used by the CSV import) answer per input exactly what the
// single-record functions answer, and cost the same statements for 5 inputs as for 50.

let database: TestDatabase;
let prisma: PrismaClient;
let org: Organisation;
const viewers: Record<string, Viewer> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = database.db.prisma;
  org = await createOrganisation(prisma);
  for (const key of ['admin', 'northManager', 'northSales', 'service'] as const) {
    viewers[key] = (await authenticate(prisma, `Bearer ${org[key].token}`))!;
  }
  await insertPipeline(prisma, { name: 'Leads', kind: 'LEAD', probabilities: [10, 30] });
});

afterAll(async () => {
  await database?.drop();
});

const inTransaction = <T>(run: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) => Promise<T>) =>
  prisma.$transaction(run, { timeout: 30_000 });

function reasonsOf(result: unknown) {
  expect(result).toBeInstanceOf(ValidationError);
  return Object.fromEntries((result as ValidationError).fieldErrors.map((error) => [error.field, error.reason]));
}

describe('createAccounts', () => {
  it('creates the good inputs and answers the others with the error createAccount would throw', async () => {
    const existing = await createAccount(prisma, viewers.northSales, { name: 'Altbestand GmbH', email: 'info@altbestand.example' });
    const results = await inTransaction((tx) =>
      createAccounts(tx, viewers.northSales, [
        { name: 'Hafenblick GmbH', address: { postalCode: '20457', city: 'Hamburg' } },
        { name: 'Kaputt', email: 'not-an-e-mail' },
        { name: 'Neuer Name', email: 'INFO@altbestand.example' },
        { name: 'Hafenblick', address: { postalCode: '20457' } },
        { name: 'Hafenblick', address: { postalCode: '20457' }, allowDuplicate: true },
        { name: 'Fremd', ownerId: org.northSales2.id },
      ]),
    );
    expect(results[0]).toMatchObject({ name: 'Hafenblick GmbH', ownerId: org.northSales.id, teamId: org.north.id });
    expect(reasonsOf(results[1])).toEqual({ email: 'INVALID_EMAIL' });
    expect(results[2]).toBeInstanceOf(DuplicateAccountError);
    expect(results[2]).toMatchObject({ matchedOn: 'e-mail', existing: [expect.objectContaining({ id: existing.id })] });
    // Same name and postcode as the first input of the batch: a duplicate of what that one created.
    expect(results[3]).toBeInstanceOf(DuplicateAccountError);
    expect((results[3] as DuplicateAccountError).existing.map((account) => account.id)).toEqual([(results[0] as { id: string }).id]);
    expect(results[4]).toMatchObject({ name: 'Hafenblick' });
    expect(reasonsOf(results[5])).toEqual({ ownerId: 'NOT_ALLOWED' });
    expect(await prisma.account.count({ where: { name: { startsWith: 'Hafenblick' } } })).toBe(2);
    expect(await prisma.account.count({ where: { name: { in: ['Kaputt', 'Neuer Name', 'Fremd'] } } })).toBe(0);
  });

  it('answers like createAccount for unknown tags, owners in several teams and teams of others', async () => {
    async function expectSameAnswers(viewer: Viewer, inputs: Array<{ name: string; tagIds?: string[]; teamId?: string }>) {
      const batch = await inTransaction((tx) => createAccounts(tx, viewer, inputs));
      const alone = await Promise.all(inputs.map((input) => createAccount(prisma, viewer, input).catch((error: unknown) => error)));
      expect(alone.every((error) => error instanceof ValidationError)).toBe(true);
      expect(batch.map((result) => (result as ValidationError).fieldErrors)).toEqual(alone.map((error) => (error as ValidationError).fieldErrors));
      return batch;
    }
    const [tagged, twoTeams] = await expectSameAnswers(viewers.admin, [
      { name: 'Tagged', tagIds: ['00000000-0000-7000-8000-000000000000'] },
      { name: 'Two teams' },
    ]);
    expect(reasonsOf(tagged)).toEqual({ 'tagIds.0': 'NOT_FOUND' });
    expect(reasonsOf(twoTeams)).toEqual({ teamId: 'REQUIRED' });
    const [elsewhere] = await expectSameAnswers(viewers.northManager, [{ name: 'Elsewhere', teamId: org.south.id }]);
    expect(reasonsOf(elsewhere)).toEqual({ teamId: 'OWNER_NOT_IN_TEAM' });
  });

  it('refuses SERVICE users and read-only tokens as a whole', async () => {
    await expect(inTransaction((tx) => createAccounts(tx, viewers.service, [{ name: 'Nope' }]))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      inTransaction((tx) => createAccounts(tx, { ...viewers.northSales, readOnly: true }, [{ name: 'Nope' }])),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('costs the same statements for 5 and for 50 accounts', async () => {
    const tag = await prisma.tag.create({ data: { name: 'Batch' } });
    const inputs = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, n) => ({ name: `${prefix} ${n}`, email: `${prefix}${n}@batch.example`, tagIds: [tag.id] }));
    const small = await countStatements(database.db, () => inTransaction((tx) => createAccounts(tx, viewers.northSales, inputs(5, 'small'))));
    const large = await countStatements(database.db, () => inTransaction((tx) => createAccounts(tx, viewers.northSales, inputs(50, 'large'))));
    expect(large.result.every((result) => !(result instanceof DomainError))).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
    expect(await prisma.accountTag.count({ where: { tagId: tag.id } })).toBe(55);
  });
});

describe('createContacts', () => {
  it('links readable accounts, refuses others, and finds duplicates in the database and in the batch', async () => {
    const north = await insertAccount(prisma, org.northSales, org.north.id, { name: 'Kontaktwerk' });
    const south = await insertAccount(prisma, org.southSales, org.south.id, { name: 'Südkontakt' });
    const results = await inTransaction((tx) =>
      createContacts(tx, viewers.northSales, [
        { firstName: 'Jana', lastName: 'Berg', accountId: north.id, email: 'jana@kontaktwerk.example' },
        { firstName: 'Olaf', lastName: 'Süd', accountId: south.id },
        { firstName: 'JANA', lastName: 'berg', accountId: north.id },
        { firstName: 'Jana', lastName: 'Berg' },
      ]),
    );
    expect(results[0]).toMatchObject({ accountId: north.id, teamId: org.north.id });
    expect(reasonsOf(results[1])).toEqual({ accountId: 'NOT_FOUND' });
    expect(results[2]).toBeInstanceOf(DuplicateContactError);
    expect((results[2] as DuplicateContactError).existing[0].id).toBe((results[0] as { id: string }).id);
    // Same name without account is another person.
    expect(results[3]).toMatchObject({ firstName: 'Jana', accountId: null });
  });
});

describe('createOpportunities', () => {
  it('creates, records the creation, notifies assigned owners and emits events for the created ones only', async () => {
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    const southAccount = await insertAccount(prisma, org.southSales, org.south.id);
    const { result: results, events } = await collectEvents(() =>
      inTransaction((tx) =>
        createOpportunities(tx, viewers.northManager, [
          { title: 'Deal eins', accountId: account.id, amount: '1000.00' },
          { title: 'Deal zwei', accountId: account.id, ownerId: org.northSales.id, probability: 50, amount: '200.00' },
          { title: 'Fremd', accountId: southAccount.id },
          { title: 'Falsche Stufe', accountId: account.id, stageId: '00000000-0000-7000-8000-000000000000' },
        ]),
      ),
    );
    expect(results[0]).toMatchObject({ title: 'Deal eins', probability: 10, ownerId: org.northManager.id, kind: 'LEAD' });
    expect(results[1]).toMatchObject({ title: 'Deal zwei', ownerId: org.northSales.id });
    expect(String((results[1] as { weightedAmount: unknown }).weightedAmount)).toBe('100');
    expect(reasonsOf(results[2])).toEqual({ accountId: 'NOT_FOUND' });
    expect(reasonsOf(results[3])).toEqual({ stageId: 'NOT_IN_PIPELINE' });
    const ids = [results[0], results[1]].map((result) => (result as { id: string }).id);
    expect(await prisma.opportunityChange.count({ where: { opportunityId: { in: ids }, field: 'CREATED' } })).toBe(2);
    expect(await prisma.notification.findMany({ where: { opportunityId: { in: ids } }, select: { userId: true, kind: true } })).toEqual([
      { userId: org.northSales.id, kind: 'OWNER_ASSIGNED' },
    ]);
    expect(events.filter((event) => event.type === 'OPPORTUNITY_CHANGED').map((event) => event.opportunityId).sort()).toEqual([...ids].sort());
  });

  it('counts activity logged on the account before for the new opportunities, and answers with it', async () => {
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    const calledAt = new Date('2026-10-01T09:00:00Z');
    await prisma.activity.create({
      data: { type: 'CALL', subject: 'Erstkontakt', accountId: account.id, assigneeId: org.northSales.id, createdById: org.northSales.id, teamId: org.north.id, createdAt: calledAt },
    });
    const silent = await insertAccount(prisma, org.northSales, org.north.id);
    const [fresh, quiet] = await inTransaction((tx) =>
      createOpportunities(tx, viewers.northSales, [
        { title: 'Nach dem Anruf', accountId: account.id },
        { title: 'Ohne Anruf', accountId: silent.id },
      ]),
    );
    expect(fresh).toMatchObject({ lastActivityAt: calledAt });
    expect(await prisma.opportunity.findUniqueOrThrow({ where: { id: (fresh as { id: string }).id } })).toMatchObject({ lastActivityAt: calledAt });
    expect(quiet).toMatchObject({ lastActivityAt: null });
  });

  it('costs the same statements for 5 and for 40 opportunities', async () => {
    const account = await insertAccount(prisma, org.northSales, org.north.id);
    const inputs = (count: number) => Array.from({ length: count }, (_, n) => ({ title: `Serie ${n}`, accountId: account.id, amount: '10.00' }));
    const small = await countStatements(database.db, () => inTransaction((tx) => createOpportunities(tx, viewers.northSales, inputs(5))));
    const large = await countStatements(database.db, () => inTransaction((tx) => createOpportunities(tx, viewers.northSales, inputs(40))));
    expect(large.result.every((result) => !(result instanceof DomainError))).toBe(true);
    expect(large.statements.length).toBe(small.statements.length);
  });
});
