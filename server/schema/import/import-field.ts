import { builder } from '../../builder.ts';
import { importFields, type ImportField } from '../../domain/import/fields.ts';
import { ImportKindEnum } from './import-kind.ts';

export const ImportFieldRef = builder.objectRef<ImportField>('ImportField').implement({
  description: 'A field a column of an import file can be read as.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'e.g. `name`, `amount`, `account.name` (the account of a contact or opportunity).' }),
    label: t.string({
      description: 'The name of the field in the given language (`de` or `en`); also a header the import recognises.',
      args: { language: t.arg.string({ defaultValue: 'en' }) },
      resolve: (field, { language }) => (language === 'de' ? field.label.de : field.label.en),
    }),
    required: t.exposeBoolean('required', { description: 'A column must be mapped to it.' }),
    type: t.exposeString('type', { description: 'How cells are read: text, decimal, wholeNumber, day, user (e-mail or name), stage, tags, …' }),
  }),
});

builder.queryFields((t) => ({
  importFields: t.field({
    type: [ImportFieldRef],
    description: 'The fields the columns of an import of this kind can be mapped to.',
    authScopes: { authenticated: true },
    args: { kind: t.arg({ type: ImportKindEnum, required: true }) },
    resolve: (_root, { kind }) => importFields(kind),
  }),
}));
