import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { printSchemaFile, schemaFilePath } from './print.ts';

it('schema.graphql is the printed schema (run `npm run generate` after changing server/schema)', async () => {
  expect(await readFile(schemaFilePath, 'utf8')).toBe(printSchemaFile());
});
