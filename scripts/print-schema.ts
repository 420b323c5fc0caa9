// Writes schema.graphql, the printed schema that codegen and integrators read.
import { writeFile } from 'node:fs/promises';
import { printSchemaFile, schemaFilePath } from '../server/schema/print.ts';

await writeFile(schemaFilePath, printSchemaFile());
console.log(`Wrote ${schemaFilePath}`);
