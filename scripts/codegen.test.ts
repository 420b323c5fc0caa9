import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, test } from 'vitest';
import config from '../codegen.ts';

const root = path.resolve(import.meta.dirname, '..');

// client/src/gql is generated from schema.graphql and the client's documents, and committed, so
// the client builds without running codegen. This fails when either changed without regenerating.
test('the typed documents in client/src/gql are up to date', async () => {
  const outputs: Array<{ filename: string; content: string }> = await generate({ ...config, cwd: root, silent: true }, false);
  const expected = new Map(outputs.map((output) => [path.resolve(root, output.filename), output.content]));
  const outputDirs = [...new Set([...expected.keys()].map((file) => path.dirname(file)))];

  const stale: string[] = [];
  for (const [file, content] of expected) {
    const committed = await readFile(file, 'utf8').catch(() => null);
    if (committed !== content) stale.push(`${path.relative(root, file)} ${committed === null ? 'is missing' : 'differs'}`);
  }
  for (const dir of outputDirs) {
    for (const name of await readdir(dir)) {
      const file = path.join(dir, name);
      if (!expected.has(file)) stale.push(`${path.relative(root, file)} is no longer generated`);
    }
  }

  expect(stale, 'client/src/gql is stale: run `npm run generate` and commit the result').toEqual([]);
});
