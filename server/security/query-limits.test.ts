import { isNonNullType, parse, typeFromAST, type DocumentNode, type GraphQLInputType, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as clientDocuments from '../../client/src/gql/graphql.ts';
import { readConfig } from '../config.ts';
import { schema } from '../schema/index.ts';
import { createOrganisation, type Organisation } from '../test/fixtures.ts';
import { placeholderValue } from '../test/placeholder-values.ts';
import { createTestApp, globalId, type TestApp } from '../test/test-app.ts';
import { operationCost } from './query-cost.ts';

const { limits } = readConfig({});

/** The two queries outside testers used to stall the server. */
const nestedTeams = (levels: number) => {
  let selection = 'name';
  for (let level = 0; level < levels; level += 1) selection = level % 2 === 0 ? `teams { ${selection} }` : `members { ${selection} }`;
  return `{ ${selection} }`;
};
const aliasedBoards = (count: number, pipelineId: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `b${i}: board(pipelineId: "${pipelineId}", cardsPerStage: 100) { columns { cards { id title amount account { name } } } }`).join(' ')} }`;

async function post(t: TestApp, body: unknown, token?: string) {
  const response = await t.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; extensions?: Record<string, unknown> } };
}

/** A value of the right type for every required variable, so the cost can be computed. */
function placeholderVariables(document: DocumentNode) {
  const operation = document.definitions.find((definition) => definition.kind === 'OperationDefinition') as OperationDefinitionNode;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (type && isNonNullType(type)) variables[definition.variable.name.value] = placeholderValue(type);
  }
  return variables;
}

describe('operation cost', () => {
  it('fits every operation of the client, with the largest pages it asks for, in the default budget', () => {
    const costs = Object.entries(clientDocuments)
      .filter(([name]) => name.endsWith('Document'))
      .map(([name, document]) => {
        const variables = { ...placeholderVariables(document as DocumentNode), first: 100, last: 100, cardsPerStage: 25 };
        return [name, operationCost({ schema, document: document as DocumentNode, variables })] as const;
      });
    expect(costs.length).toBeGreaterThan(20);
    for (const [name, cost] of costs) expect(cost, name).toBeLessThanOrEqual(limits.maxCost);
    // The board is the heaviest page; it must count its cards, or the budget would mean little.
    const board = costs.find(([name]) => name === 'BoardDocument')![1]!;
    expect(board).toBeGreaterThan(limits.maxCost / 4);
  });

  it('exceeds the budget many times over for the queries that stalled the server', () => {
    const teams = operationCost({ schema, document: parse(nestedTeams(17)) });
    const boards = operationCost({ schema, document: parse(aliasedBoards(1000, globalId('Pipeline', crypto.randomUUID()))) });
    expect(teams).toBeGreaterThan(limits.maxCost * 1000);
    expect(boards).toBeGreaterThan(limits.maxCost * 100);
  });

  it('multiplies by page sizes and list sizes', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost({ schema, document: parse(query), variables });
    expect(cost('{ me { name } }')).toBe(2);
    expect(cost('{ accounts(first: 10) { edges { node { name } } } }')).toBe(1 + 10 * (1 + 1 + 1));
    expect(cost('query($n: Int) { accounts(first: $n) { totalCount } }', { n: 50 })).toBe(1 + 50 * 1);
    expect(cost('{ accounts { totalCount } }')).toBe(1 + 20);
    expect(cost('{ teams { name } }')).toBe(1 + 20);
    const perStage = (n: number) => cost(`{ board(pipelineId: "x", cardsPerStage: ${n}) { columns { cards { id } } } }`)!;
    expect(perStage(10)).toBe(1 + 1 + 30 * (1 + 10 * 1));
    expect(perStage(100)).toBeGreaterThan(perStage(10) * 9);
  });
});

describe('limits over HTTP', () => {
  let t: TestApp;
  let org: Organisation;
  let pipelineId: string;

  beforeAll(async () => {
    t = await createTestApp();
    org = await createOrganisation(t.prisma);
    const pipeline = await t.prisma.pipeline.create({ data: { name: 'Sales', kind: 'DEAL', position: 0 } });
    pipelineId = globalId('Pipeline', pipeline.id);
  });
  afterAll(() => t.close());

  it('refuses too deep nesting with 400, the depth found and the limit', async () => {
    const { status, body } = await post(t, { query: nestedTeams(17) }, org.admin.token);
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_DEEP', measured: 18, limit: limits.maxDepth } }),
    ]);
    // Ten levels pass the depth limit (this one is then refused for its cost, a list in a list in a list…).
    const atTheLimit = await post(t, { query: nestedTeams(9) }, org.admin.token);
    expect(atTheLimit.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses too many tokens before parsing the rest', async () => {
    const { status, body } = await post(t, { query: aliasedBoards(1000, pipelineId) }, org.admin.token);
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_TOKENS', measured: expect.any(Number), limit: limits.maxTokens });
    expect(body.errors?.[0].extensions?.measured).toBeGreaterThan(20_000);
  });

  it('refuses too many aliases and too many directives', async () => {
    const aliases = await post(t, { query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }` }, org.admin.token);
    expect(aliases.status).toBe(400);
    expect(aliases.body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_ALIASES', measured: 31, limit: limits.maxAliases });
    const directives = await post(t, { query: `{ me { ${Array.from({ length: 21 }, () => 'name @include(if: true)').join(' ')} } }` }, org.admin.token);
    expect(directives.status).toBe(400);
    expect(directives.body.errors?.[0].extensions).toEqual({ code: 'TOO_MANY_DIRECTIVES', measured: 21, limit: limits.maxDirectives });
  });

  it('refuses a costly operation with its cost and the budget, and reports the cost of every other', async () => {
    const costly = await post(t, { query: aliasedBoards(4, pipelineId) }, org.admin.token);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', measured: expect.any(Number), limit: limits.maxCost });
    expect(costly.body.errors?.[0].extensions?.measured).toBeGreaterThan(limits.maxCost);
    expect(costly.body.data).toBeUndefined();

    const cheap = await post(t, { query: '{ me { name } teams { name } }' }, org.admin.token);
    expect(cheap.body.extensions).toEqual({ cost: { requested: 2 + 21, limit: limits.maxCost } });
  });

  it('keeps memory flat over 20 rejected bombs and keeps answering', async () => {
    const before = process.memoryUsage().rss;
    for (let round = 0; round < 20; round += 1) {
      const query = round % 2 ? nestedTeams(17) : aliasedBoards(1000, pipelineId);
      expect((await post(t, { query }, org.admin.token)).status).toBe(400);
    }
    const growth = process.memoryUsage().rss - before;
    expect(growth).toBeLessThan(50 * 1024 * 1024);
    expect((await post(t, { query: '{ me { name } }' }, org.admin.token)).body.data).toEqual({ me: { name: 'Ada Admin' } });
  });
});

describe('limits are configurable', () => {
  it('reads them from the environment', async () => {
    const t = await createTestApp({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '10' });
    try {
      const org = await createOrganisation(t.prisma);
      expect((await post(t, { query: '{ me { teams { members { name } } } }' }, org.admin.token)).body.errors?.[0].extensions?.code).toBe(
        'QUERY_TOO_DEEP',
      );
      expect((await post(t, { query: '{ teams { name } }' }, org.admin.token)).body.errors?.[0].extensions).toEqual({
        code: 'QUERY_TOO_COSTLY',
        measured: 21,
        limit: 10,
      });
    } finally {
      await t.close();
    }
  });
});
