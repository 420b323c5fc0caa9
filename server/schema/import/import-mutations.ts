import { builder } from '../../builder.ts';
import { previewImport, runImport, type ImportRequest } from '../../domain/import/run-import.ts';
import { decodeOptionalFilterId } from '../ids.ts';
import { validatedResult } from '../mutation-result.ts';
import { requireViewer } from '../viewer.ts';
import { DuplicatePolicyEnum } from './duplicate-policy.ts';
import './import-field.ts';
import { ImportKindEnum } from './import-kind.ts';
import { ImportReportRef } from './import-report.ts';

const ImportInput = builder.inputType('ImportInput', {
  fields: (t) => ({
    kind: t.field({ type: ImportKindEnum, required: true }),
    csv: t.string({
      required: true,
      description: 'The file: UTF-8 (a byte order mark is fine), `;`, `,` or tab separated, a header row first; at most 10 MB and 20,000 rows.',
    }),
    mapping: t.field({
      type: ['String'],
      required: { list: false, items: false },
      description: 'Per column the ImportField key it holds, null to ignore the column. Omitted: mapped by the headers.',
    }),
    duplicatePolicy: t.field({ type: DuplicatePolicyEnum, defaultValue: 'SKIP' }),
    teamId: t.id({ description: 'The team of new records when the file has no team column (required for users of several teams).' }),
  }),
});

function importRequest(input: typeof ImportInput.$inferInput): ImportRequest {
  return {
    kind: input.kind,
    csv: input.csv,
    mapping: input.mapping?.map((key) => key ?? null),
    duplicatePolicy: input.duplicatePolicy ?? 'SKIP',
    teamId: decodeOptionalFilterId(input.teamId, 'Team', 'teamId'),
  };
}

builder.mutationFields((t) => ({
  previewImport: t.field({
    type: ImportReportRef,
    authScopes: { writer: true },
    description:
      'Reads the file and runs its first 20 rows through the import in a transaction that is rolled back: what they would become, with the mapping used. Writes nothing.',
    errors: validatedResult('PreviewImport', 'report'),
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: (_root, { input }, context) => previewImport(context.prisma, requireViewer(context), importRequest(input)),
  }),
  importRecords: t.field({
    type: ImportReportRef,
    authScopes: { writer: true },
    description:
      'Imports every row as the viewer, through the rules of the forms. Each row is written whole (with its account and contact) or not at all.',
    errors: validatedResult('ImportRecords', 'report'),
    args: { input: t.arg({ type: ImportInput, required: true }) },
    resolve: (_root, { input }, context) => runImport(context.prisma, requireViewer(context), importRequest(input)),
  }),
}));
