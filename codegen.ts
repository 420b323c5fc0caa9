import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the client, from the printed schema. The output is committed;
// scripts/codegen.test.ts fails when it no longer matches (fix: `npm run generate`).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['client/src/**/*.{ts,tsx}', '!client/src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    'client/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        // Enums as unions of string literals (what `enumsAsTypes` was before codegen 6).
        enumType: 'string-literal',
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          Date: 'string',
          Decimal: 'string',
          JSON: 'unknown',
        },
      },
    },
  },
};

export default config;
