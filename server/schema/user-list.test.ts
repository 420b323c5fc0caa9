import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOnlyAdminToken } from '../test/admin-access.ts';
import { createOrganisation, createUser, type Organisation } from '../test/fixtures.ts';
import { countStatements, createTestApp, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;

const LIST = `query($all: Boolean) { users(includeInactive: $all) { name active viewerCanManage teams { name } } }`;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  // One deactivated user in each team.
  await t.prisma.user.update({ where: { id: org.northSales2.id }, data: { active: false } });
  const gone = await createUser(t.prisma, { name: 'Siri Gone', role: 'SALES', teamIds: [org.south.id] });
  await t.prisma.user.update({ where: { id: gone.id }, data: { active: false } });
});
afterAll(() => t.close());

type Listed = { name: string; active: boolean; viewerCanManage: boolean };

async function list(token: string, all = true): Promise<Listed[]> {
  const response = await t.graphql(LIST, { all }, token);
  expect(response.errors).toBeUndefined();
  return response.data.users;
}

const names = (users: Listed[]) => users.map((user) => user.name);
const manageable = (users: Listed[]) => names(users.filter((user) => user.viewerCanManage));

describe('the user list', () => {
  it('shows administrators every user, deactivated ones on request, all of them manageable', async () => {
    const all = await list(org.admin.token);
    expect(names(all)).toEqual([
      'Ada Admin',
      'Nils Sales',
      'Nina Sales',
      'Nora Manager',
      'Sam Service',
      'Sara Sales',
      'Siri Gone',
      'Sven Manager',
    ]);
    expect(manageable(all)).toEqual(names(all));
    expect(names(await list(org.admin.token, false))).not.toContain('Nina Sales');
  });

  it("shows managers the deactivated users of their own teams only, and lets them manage their teams' sales and service users", async () => {
    const all = await list(org.northManager.token);
    expect(names(all)).toContain('Nina Sales');
    expect(names(all)).not.toContain('Siri Gone');
    // Other managers, administrators, themselves and other teams' people are not theirs to change.
    expect(manageable(all)).toEqual(['Nils Sales', 'Nina Sales']);
    expect(manageable(await list(org.southManager.token))).toEqual(['Sara Sales', 'Siri Gone']);
  });

  it('shows sales and service users the active users, none manageable; a read-only token manages no one', async () => {
    for (const token of [org.northSales.token, org.service.token]) {
      const all = await list(token);
      expect(names(all)).not.toContain('Nina Sales');
      expect(manageable(all)).toEqual([]);
    }
    const readOnly = await list(await readOnlyAdminToken(t, org));
    expect(names(readOnly)).toContain('Nina Sales');
    expect(manageable(readOnly)).toEqual([]);
  });

  it('costs the same number of statements for any number of users', async () => {
    const before = await countStatements(t.db, () => list(org.admin.token));
    for (let index = 0; index < 5; index += 1) {
      await createUser(t.prisma, { name: `Extra ${"ABCDE"[index]}`, role: 'SALES', teamIds: [org.north.id, org.south.id] });
    }
    const after = await countStatements(t.db, () => list(org.admin.token));
    expect(after.result.length).toBe(before.result.length + 5);
    expect(after.statements.length).toBe(before.statements.length);
  });
});
