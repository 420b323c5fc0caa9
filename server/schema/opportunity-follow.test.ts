import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opportunity } from '../generated/prisma/client.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { insertOpportunity } from '../test/sales-fixtures.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';

let t: TestApp;
let org: Organisation;
let south: Opportunity;

const oppId = (opportunity: Opportunity) => globalId('Opportunity', opportunity.id);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrganisation(t.prisma);
  south = await insertOpportunity(t.prisma, { owner: org.southSales, teamId: org.south.id });
});

afterAll(async () => {
  await t.close();
});

describe('follow', () => {
  const FOLLOW = /* GraphQL */ `
    mutation Follow($id: ID!) { followOpportunity(id: $id) { __typename ... on FollowOpportunitySuccess { opportunity { isFollowedByViewer followers { name } } } } }
  `;
  const UNFOLLOW = /* GraphQL */ `
    mutation Unfollow($id: ID!) { unfollowOpportunity(id: $id) { __typename ... on UnfollowOpportunitySuccess { opportunity { isFollowedByViewer followers { name } } } } }
  `;
  const FOLLOWED = '{ followedOpportunities { totalCount edges { node { title } } } }';

  it('follows and unfollows idempotently and lists what the viewer follows and can read', async () => {
    const opportunity = await insertOpportunity(t.prisma, { owner: org.northSales, teamId: org.north.id, title: 'Gefolgt' });
    for (let round = 0; round < 2; round += 1) {
      const followed = await t.graphql(FOLLOW, { id: oppId(opportunity) }, org.northSales2.token);
      expect(followed.data.followOpportunity.opportunity).toEqual({ isFollowedByViewer: true, followers: [{ name: 'Nina Sales' }] });
    }
    expect((await t.graphql(FOLLOWED, {}, org.northSales2.token)).data.followedOpportunities).toEqual({
      totalCount: 1,
      edges: [{ node: { title: 'Gefolgt' } }],
    });
    const other = await t.graphql('query($id: ID!) { opportunity(id: $id) { isFollowedByViewer } }', { id: oppId(opportunity) }, org.northSales.token);
    expect(other.data.opportunity.isFollowedByViewer).toBe(false);

    const foreign = await t.graphql(FOLLOW, { id: oppId(south) }, org.northSales2.token);
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    await t.prisma.opportunity.update({ where: { id: opportunity.id }, data: { teamId: org.south.id } });
    expect((await t.graphql(FOLLOWED, {}, org.northSales2.token)).data.followedOpportunities.totalCount).toBe(0);
    await t.prisma.opportunity.update({ where: { id: opportunity.id }, data: { teamId: org.north.id } });

    for (let round = 0; round < 2; round += 1) {
      const unfollowed = await t.graphql(UNFOLLOW, { id: oppId(opportunity) }, org.northSales2.token);
      expect(unfollowed.data.unfollowOpportunity.opportunity).toEqual({ isFollowedByViewer: false, followers: [] });
    }
    const fields = await t.prisma.opportunityChange.findMany({ where: { opportunityId: opportunity.id }, select: { field: true } });
    expect(fields.map((change) => change.field).sort()).toEqual(['FOLLOWED', 'UNFOLLOWED']);
  });
});
